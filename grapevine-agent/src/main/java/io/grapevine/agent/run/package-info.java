/**
 * The agent process: {@link io.grapevine.agent.run.Agent} runs one node from an
 * {@link io.grapevine.agent.config.AgentConfig} (bind, advertise, seeds, keyring, profile, data dir
 * with the member snapshot, tags) and the {@link io.grapevine.agent.run.AgentService}s beside it,
 * which {@link io.grapevine.agent.run.AgentServices#standard} lists: the HTTP API and the event
 * handlers plug in there. Start order: node, tags, services, join; stop order: leave, services
 * in reverse, node.
 */
package io.grapevine.agent.run;
