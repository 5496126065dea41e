/**
 * The wire format: message records, the packet builder, and the total decoder (docs/wire-format.md).
 */
package io.grapevine.core.wire;
