package dk.vaerdig.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.surveys.internal.CprRedactor;

/**
 * The migration that redacts the comments stored before CprRedactor knew every spelling (V67) uses a PostgreSQL
 * function with the same pattern: on the spellings and on generated CPR numbers, dates and phone numbers
 * amid words, it gives exactly what CprRedactor gives.
 */
@IntegrationTest
class SurveyCprRedactionIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	String database(String text) {
		return jdbc.queryForObject("SELECT survey_redact_cpr(?)", String.class, text);
	}

	@Test
	void theMigrationsFunctionRedactsLikeCprRedactor() {
		List<String> texts = new ArrayList<>(List.of("Mit cpr er 01.01.90-1234, tak.", "010190–1234", "010190/1234",
				"0101 90 1234", "01 01 90 1234", "010190.1234", "010190 - 1234", "Født 01.01.1990, tlf. 20 30 40 50",
				"+45 20304050 og 2030 4050", "1. januar 2024", "01-01-2024"));
		Random random = new Random(67);
		for (int i = 0; i < 1500; i++) {
			String cpr = CprRedactorTest.two(1 + random.nextInt(31)) + CprRedactorTest.separator(random)
					+ CprRedactorTest.two(1 + random.nextInt(12)) + CprRedactorTest.separator(random)
					+ CprRedactorTest.two(random.nextInt(100)) + CprRedactorTest.separator(random)
					+ String.format("%04d", random.nextInt(10000));
			String digits = (2 + random.nextInt(8)) + String.format("%07d", random.nextInt(10_000_000));
			texts.add(CprRedactorTest.words(random, 12) + " " + cpr + " " + CprRedactorTest.words(random, 12) + " "
					+ CprRedactorTest.two(1 + random.nextInt(31)) + "." + CprRedactorTest.two(1 + random.nextInt(12)) + "."
					+ (1900 + random.nextInt(200)) + " " + digits.substring(0, 4) + " " + digits.substring(4));
		}
		for (String text : texts) {
			String expected = CprRedactor.redact(text);
			assertThat(database(text)).as(text).isEqualTo(expected);
		}
		assertThat(database("Mit cpr er 01.01.90-1234, tak.")).isEqualTo("Mit cpr er [CPR-nummer fjernet], tak.");
	}
}
