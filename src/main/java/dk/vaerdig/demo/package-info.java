/**
 * Demo and synthetic data: one municipality with teams, staff of every role, candidates and a year of meetings, at
 * demo size by default and at national scale for benchmarks. It writes with plain batched SQL for speed, so it knows
 * the tables of the modules it fills; nothing else depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data", allowedDependencies = { "platform", "access",
		"casework" })
package dk.vaerdig.demo;
