/**
 * Insight: dashboards of the citizen evaluation with honest uncertainty (Wilson intervals, response rates) and
 * anonymity thresholds, and the public lobby screen. Later: committee reports, dialogue meetings, yearly goals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insights", allowedDependencies = { "platform", "access",
		"surveys" })
package dk.vaerdig.insights;
