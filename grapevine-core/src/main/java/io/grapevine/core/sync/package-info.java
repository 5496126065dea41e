/**
 * Reconciliation between two members: the join and push-pull membership exchange, and
 * anti-entropy of the replicated state (Scuttlebutt push, pull or push-pull) with its direct
 * mail and rumors.
 */
package io.grapevine.core.sync;
