/**
 * Hyperledger Fabric style dissemination of a hash-chained block log on the Service SPI: one
 * leader produces numbered blocks, each carrying its predecessor's SHA-256 hash; blocks spread by
 * push to a random fanout on first arrival and by a periodic bounded pull (hello, digest, request,
 * response); every block is verified against the chain before it is stored or forwarded.
 * {@link io.grapevine.services.blocklog.BlockLog} is the service; docs/BLOCK-LOG.md the design.
 */
package io.grapevine.services.blocklog;
