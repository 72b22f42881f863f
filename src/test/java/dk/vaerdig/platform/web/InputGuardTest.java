package dk.vaerdig.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.format.support.DefaultFormattingConversionService;

/** The request values the application refuses before they reach a query, at the edges of what it takes. */
class InputGuardTest {

	final DefaultFormattingConversionService conversion = conversion();

	static DefaultFormattingConversionService conversion() {
		DefaultFormattingConversionService service = new DefaultFormattingConversionService();
		InputGuard.registerDateConverters(service);
		return service;
	}

	@Test
	void datesFrom1900To2200AreTakenAndOthersRefusedWithTheReason() {
		assertThat(conversion.convert("1900-01-01", LocalDate.class)).isEqualTo(LocalDate.of(1900, 1, 1));
		assertThat(conversion.convert(" 2200-12-31 ", LocalDate.class)).isEqualTo(LocalDate.of(2200, 12, 31));
		assertThat(conversion.convert("2026-03-01T10:30", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2026, 3, 1, 10, 30));
		assertThat(conversion.convert("2026-11", YearMonth.class)).isEqualTo(YearMonth.of(2026, 11));
		assertThat(conversion.convert("", LocalDate.class)).isNull();
		assertRefused("1899-12-31", LocalDate.class, "error.dateOutOfRange");
		assertRefused("+99999-12-31", LocalDate.class, "error.dateOutOfRange");
		assertRefused("-999999999-01-01T00:00", LocalDateTime.class, "error.dateOutOfRange");
		assertRefused("-99999-01", YearMonth.class, "error.dateOutOfRange");
		assertRefused("2026-02-30", LocalDate.class, "error.badDate");
		assertRefused("2026-13", YearMonth.class, "error.badMonth");
		assertRefused("2026-01-01\u0000", LocalDate.class, "error.controlCharacter");
	}

	@Test
	void textsWithLineBreaksAndTabsAreTakenButNotOtherControlCharacters() {
		assertThat(InputGuard.hasControlCharacter("Linje 1\r\nLinje 2\tmed tab\fside")).isFalse();
		assertThat(InputGuard.hasControlCharacter("æøå ÆØÅ – “citat” 😀")).isFalse();
		assertThat(InputGuard.hasControlCharacter("a\u0000b")).isTrue();
		assertThat(InputGuard.hasControlCharacter("\u001b[31m")).isTrue();
		assertThat(InputGuard.hasControlCharacter("\u007f")).isTrue();
		assertThat(InputGuard.withoutControlCharacters("Mødt\u0000 til\u0007 samtale\n")).isEqualTo("Mødt til samtale\n");
		InputGuard.PlainTextEditor editor = new InputGuard.PlainTextEditor();
		editor.setAsText("Hej\nmed dig");
		assertThat(editor.getAsText()).isEqualTo("Hej\nmed dig");
		assertThatThrownBy(() -> editor.setAsText("Hej\u0000")).isInstanceOf(InvalidInput.class)
			.hasMessage("error.controlCharacter");
	}

	void assertRefused(String text, Class<?> type, String messageKey) {
		assertThatThrownBy(() -> conversion.convert(text, type)).isInstanceOf(ConversionFailedException.class)
			.hasRootCauseInstanceOf(InvalidInput.class)
			.rootCause()
			.hasMessage(messageKey);
	}
}
