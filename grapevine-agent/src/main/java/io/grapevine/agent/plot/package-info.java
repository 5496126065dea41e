/**
 * Pictures of simulator results ({@code --plot FILE.png}), drawn with JFreeChart: an update's
 * spread per round beside mean-field theory, and the distribution (empirical CDF) of a
 * scenario's outcome over runs. Presentation only: the figures come from {@code grapevine-sim}.
 */
package io.grapevine.agent.plot;
