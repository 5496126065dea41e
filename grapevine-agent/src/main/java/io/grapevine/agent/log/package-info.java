/**
 * The agent process's logging: SLF4J bound to Logback, configured in code by
 * {@link io.grapevine.agent.log.LogSetup} from the agent's configuration (text or JSON lines on
 * stderr, one root level). Only the agent module binds a logging backend; core and net use the
 * SLF4J API alone.
 */
package io.grapevine.agent.log;
