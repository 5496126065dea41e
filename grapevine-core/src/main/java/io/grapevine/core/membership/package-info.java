/**
 * Members and their identities, statuses, precedence and history: the member table one node keeps.
 */
package io.grapevine.core.membership;
