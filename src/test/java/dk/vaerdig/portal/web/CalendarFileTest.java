package dk.vaerdig.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The calendar file keeps RFC 5545's rules: CRLF, folding at 75 octets, escaped TEXT, UTC times. */
class CalendarFileTest {

	static final Instant START = Instant.parse("2026-12-08T09:00:00Z");

	@Test
	void anEventHasTheRequiredPropertiesInUtc() {
		String ics = CalendarFile.event("selvbook-1@vaerdig", Instant.parse("2026-12-02T14:00:00Z"), START,
				START.plusSeconds(2700), "Møde med jobcentret", "Torvet 1, 4000 Roskilde", "Vi ringer til dig.\nMed Sara");
		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
			.contains("\r\nUID:selvbook-1@vaerdig\r\n", "\r\nDTSTAMP:20261202T140000Z\r\n", "\r\nDTSTART:20261208T090000Z\r\n",
					"\r\nDTEND:20261208T094500Z\r\n", "\r\nLOCATION:Torvet 1\\, 4000 Roskilde\r\n",
					"\r\nDESCRIPTION:Vi ringer til dig.\\nMed Sara\r\n")
			.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n");
		assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
	}

	@Test
	void textEscapesBackslashSemicolonCommaAndNewlines() {
		assertThat(CalendarFile.text("a\\b;c,d\r\ne\nf")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf");
	}

	/** Random texts of Danish letters, emoji and punctuation: no line over 75 octets, and unfolding gives them back. */
	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })
	void longLinesAreFoldedAt75OctetsWithoutSplittingACharacterAndUnfoldBack(long seed) {
		Random random = new Random(seed);
		String alphabet = "abcæøåÆØÅ ,;\\😀éxyz0123456789";
		StringBuilder text = new StringBuilder();
		int length = 50 + random.nextInt(400);
		for (int i = 0; i < length; i++) {
			text.appendCodePoint(alphabet.codePoints().toArray()[random.nextInt((int) alphabet.codePoints().count())]);
		}
		String ics = CalendarFile.event("u", START, START, START.plusSeconds(60), "s", null, text.toString());
		for (String line : ics.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
			assertThat(line).doesNotStartWith("\uDE00");
		}
		String unfolded = ics.replace("\r\n ", "");
		assertThat(unfolded).contains("\r\nDESCRIPTION:" + CalendarFile.text(text.toString()) + "\r\n");
	}
}
