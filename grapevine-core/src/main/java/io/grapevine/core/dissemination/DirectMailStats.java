package io.grapevine.core.dissemination;

/**
 * Counters of acknowledged direct mail since the node started (see {@link DirectMail}).
 *
 * @param tagged mails sent with a tag, each once however many recipients it had
 * @param acknowledged (mail, recipient) acknowledgements received
 * @param resent (mail, recipient) resends
 * @param pending (mail, recipient) pairs awaiting acknowledgement now
 * @param membershipDrops membership and suspicion mails the full retry buffer dropped
 * @param userDrops events and state writes the full retry buffer dropped
 */
public record DirectMailStats(long tagged, long acknowledged, long resent, int pending, long membershipDrops,
                              long userDrops) {
}
