package io.grapevine.agent.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.grapevine.net.Keyring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a keyring file ({@code --keyring-file}), Serf's format: a JSON array of base64 AES-256
 * keys, the first the primary (encrypting) one, the rest installed for decryption, e.g.
 * {@code ["QHOYjmYlxSCBhdfiolhtDUBBP2fTMNKxfHkFsZNb9aA=", "..."]}. Bounded to {@value #MAX_BYTES}
 * bytes. A bad file is a one-line {@link AgentStartException} naming the flag and the entry; no
 * key ever appears in a message.
 */
final class KeyringFile {
    /** The largest keyring file read. */
    static final int MAX_BYTES = 64 * 1024;

    private KeyringFile() {
    }

    /**
     * Reads the keyring in {@code file}.
     *
     * @param file the keyring file
     * @return a keyring whose primary key is the file's first
     * @throws AgentStartException naming {@code --keyring-file} and the entry at fault
     */
    static Keyring read(Path file) {
        String origin = "--keyring-file " + file;
        JsonNode root;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new AgentStartException(origin + ": larger than " + MAX_BYTES + " bytes");
            }
            root = JsonMapper.builder().build().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new AgentStartException(origin + ": no such file", e);
        } catch (IOException e) {
            throw new AgentStartException(origin + ": not a JSON array of base64 keys ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new AgentStartException(origin + ": must be a non-empty JSON array of base64 keys, the first primary");
        }
        Keyring ring = null;
        for (int i = 0; i < root.size(); i++) {
            JsonNode entry = root.get(i);
            if (!entry.isTextual()) {
                throw new AgentStartException(origin + ": entry " + (i + 1) + " is not a string");
            }
            byte[] key;
            try {
                key = Keyring.decode(entry.textValue());
            } catch (IllegalArgumentException e) {
                throw new AgentStartException(origin + ": entry " + (i + 1) + ": " + e.getMessage(), e);
            }
            if (ring == null) {
                ring = Keyring.of(key);
            } else {
                ring.install(key);
            }
        }
        return ring;
    }
}
