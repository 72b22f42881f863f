package dk.vaerdig.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param showEmployeeNames whether the page "Hvem har set mine data" (and the candidate's copy of their data) names
 *     the employee who looked, beside the team, the department and the purpose. Off by default: since the EU Court's
 *     ruling C-579/21 the citizen has a right to know when and why their data was looked up, not by which employee;
 *     a municipality whose policy is to name them turns it on.
 */
@ConfigurationProperties("vaerdig.portal")
public record PortalSettings(@DefaultValue("false") boolean showEmployeeNames) {
}
