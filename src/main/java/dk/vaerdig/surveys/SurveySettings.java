package dk.vaerdig.surveys;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param invitationValidDays how many days an invitation can be answered
 * @param followUpWorkingDays the deadline for contacting a candidate who asked for it, in working days
 * @param anonymityThreshold fewer answers than this in a group, and its figures are hidden
 * @param commentThreshold fewer answers than this in a group, and its free-text comments are hidden (stricter)
 * @param kioskAssignmentMinutes how long a kiosk keeps a handed-over questionnaire waiting for the candidate
 * @param kioskIdleSeconds after this long without input the kiosk resets to its welcome screen
 * @param publicBaseUrl the address candidates reach the app at, for links and QR codes
 * @param tokenSecret the server secret the invitations' tokens are made from (see {@code SurveyTokens}); none: refused
 *     on a real database, made by the app on the embedded one
 */
@ConfigurationProperties("vaerdig.surveys")
public record SurveySettings(@DefaultValue("14") int invitationValidDays, @DefaultValue("2") int followUpWorkingDays,
		@DefaultValue("5") int anonymityThreshold, @DefaultValue("10") int commentThreshold,
		@DefaultValue("15") int kioskAssignmentMinutes, @DefaultValue("90") int kioskIdleSeconds,
		@DefaultValue("http://localhost:8080") String publicBaseUrl, String tokenSecret) {
}
