package dk.vaerdig.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The purpose recorded with an audit entry as the candidate reads it: the application's own addresses and notes
 * become a plain text, a purpose staff wrote is shown as written, an unknown address and nothing are left out.
 */
class PurposesTest {

	@ParameterizedTest
	@CsvSource(nullValues = "NULL", value = { "/cases/12, portal.purpose.case", "/cases/12/plan, portal.purpose.plan",
			"/cases/12/plan/choice, portal.purpose.plan", "/cases/12/story/versions/2, portal.purpose.story",
			"/cases/12/meetings/4/summary, portal.purpose.summary", "/cases/12/meetings/new, portal.purpose.meetings",
			"/cases, portal.purpose.list", "/letters/outbox/9, portal.purpose.letter",
			"/complaints/3/package.pdf, portal.purpose.complaint", "meeting summary 44, portal.purpose.summary",
			"letter 5 sent (template version 2), portal.purpose.letterSent", "plan choice, portal.purpose.planChoice",
			"forberedelse af samtale, portal.purpose.noted", "/something/else, NULL", "'', NULL", "NULL, NULL" })
	void theRecordedPurposeBecomesAPlainText(String recorded, String key) {
		Purposes.Purpose shown = Purposes.of(recorded);
		if (key == null) {
			assertThat(shown).isNull();
		}
		else {
			assertThat(shown.key()).isEqualTo(key);
			assertThat(shown.text()).isEqualTo(recorded);
		}
	}
}
