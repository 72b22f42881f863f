/**
 * Insight: dashboards of the citizen evaluation with honest uncertainty (Wilson intervals, response rates) and
 * anonymity thresholds, the outcomes of courses beside the dignity figures, the public lobby screen, the year's goals
 * with their progress (measures registered as {@link dk.vaerdig.insights.GoalMeasure} beans) the employment
 * committee's report, and the dialogue meetings between candidates and the politicians.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insights", allowedDependencies = { "platform", "access",
		"surveys", "casework", "complaints", "messaging", "letters" })
package dk.vaerdig.insights;
