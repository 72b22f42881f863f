package dk.vaerdig.letters.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.letters.LetterSettings;
import dk.vaerdig.letters.internal.AnnotatedText;
import dk.vaerdig.letters.internal.LanguageToolCheck;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * LanguageTool's HTTP API ({@code POST /v2/check}, {@code GET /v2/languages}), answered by Værdig's analyser, so
 * LanguageTool's browser add-on and office add-ins, pointed at this server, show its findings wherever staff write.
 * Who may call, the rate limit and CORS: {@link CheckApiSecurity}. The text is analysed and forgotten: not stored, not
 * logged.
 */
@NoPersonalData("analyses a text the caller sends; nothing is read from the case files, and the text is not kept")
@RestController
class CheckApiController {

	/** The one language: as LanguageTool lists it. */
	record LanguageEntry(String name, String code, String longCode) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final LanguageToolCheck check;

	private final LetterSettings settings;

	CheckApiController(LanguageToolCheck check, LetterSettings settings) {
		this.check = check;
		this.settings = settings;
	}

	@GetMapping("/v2/languages")
	ResponseEntity<List<LanguageEntry>> languages() {
		return json(List.of(new LanguageEntry("Danish", "da", "da-DK")));
	}

	/** JSON whatever the client's Accept header says (LanguageTool answers JSON to every client). */
	static <T> ResponseEntity<T> json(T body) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

	@PostMapping("/v2/check")
	ResponseEntity<LanguageToolCheck.Response> check(@RequestParam(required = false) String text,
			@RequestParam(required = false) String data, @RequestParam(required = false) String language,
			@RequestParam(required = false) String enabledRules, @RequestParam(required = false) String disabledRules,
			@RequestParam(required = false) String enabledCategories,
			@RequestParam(required = false) String disabledCategories,
			@RequestParam(required = false) String enabledOnly, @RequestParam(required = false) String mode,
			Locale locale) {
		if (language == null || language.isBlank()) {
			throw new IllegalArgumentException("Missing 'language' parameter: use language=da-DK (or auto).");
		}
		String lang = language.strip().toLowerCase(Locale.ROOT);
		boolean auto = lang.equals("auto");
		if (!auto && !lang.equals("da") && !lang.equals("da-dk")) {
			throw new IllegalArgumentException("Værdig checks Danish only: use language=da-DK (or auto).");
		}
		if ((text == null) == (data == null)) {
			throw new IllegalArgumentException("Send exactly one of the parameters 'text' and 'data'.");
		}
		AnnotatedText annotated = text != null ? AnnotatedText.plain(text) : AnnotatedText.of(parse(data));
		if (annotated.plain().length() > settings.api().maxChars()) {
			throw new CheckApiAdvice.TooLong(settings.api().maxChars());
		}
		boolean only = "true".equalsIgnoreCase(enabledOnly);
		LanguageToolCheck.Filters filters = new LanguageToolCheck.Filters(list(enabledRules), list(disabledRules),
				list(enabledCategories), list(disabledCategories), only, LanguageToolCheck.Mode.of(mode));
		if (only && filters.enabledRules().isEmpty() && filters.enabledCategories().isEmpty()) {
			throw new IllegalArgumentException("enabledOnly=true needs enabledRules or enabledCategories.");
		}
		return json(check.check(annotated, auto, filters, locale));
	}

	private static Object parse(String data) {
		try {
			return JSON.readValue(data, Object.class);
		}
		catch (JacksonException e) {
			throw new IllegalArgumentException("'data' is not valid JSON.");
		}
	}

	private static Set<String> list(String commaSeparated) {
		if (commaSeparated == null || commaSeparated.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

}
