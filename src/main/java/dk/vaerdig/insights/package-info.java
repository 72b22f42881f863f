/**
 * Insight: dashboards of the citizen evaluation with honest uncertainty (Wilson intervals, response rates) and
 * anonymity thresholds, the outcomes of courses beside the dignity figures, and the public lobby screen. Later:
 * committee reports, dialogue meetings, yearly goals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insights", allowedDependencies = { "platform", "access",
		"surveys", "casework" })
package dk.vaerdig.insights;
