/**
 * The agent's configuration: {@link io.grapevine.agent.config.AgentConfig}, the one validated
 * record an agent runs with, and how it is built: {@link io.grapevine.agent.config.ConfigFile}
 * reads a JSON or YAML file into {@link io.grapevine.agent.config.AgentSettings}, the command
 * line's flags are laid over it, and {@code toConfig} applies the defaults. Every message names
 * the flag (config keys are the flag names without the dashes) and the value.
 */
package io.grapevine.agent.config;
