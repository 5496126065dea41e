package io.grapevine.agent.client;

import io.grapevine.core.base.Address;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code HOST:PORT} of an agent (IPv6 in brackets), port 1..65535; anything else is a bad flag (exit 2). */
public final class AddressConverter implements ITypeConverter<Address> {
    @Override
    public Address convert(String value) {
        Address address;
        try {
            address = Address.parse(value.trim());
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("must be HOST:PORT: " + value + " (" + e.getMessage() + ")");
        }
        if (address.port() == 0) {
            throw new TypeConversionException("port must be in 1..65535: " + value);
        }
        return address;
    }
}
