package dk.vaerdig.letters.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.letters.LetterSettings;
import dk.vaerdig.letters.internal.Analyses;
import dk.vaerdig.letters.internal.Analysis;
import dk.vaerdig.letters.internal.LetterCategory;
import dk.vaerdig.letters.internal.SubjectLine;

/**
 * The whole analysis of a text as JSON, for other systems (a case system that checks a letter before it sends it):
 * LIX of the whole and of the body, the kind of letter found (and the one checked), the legal elements, every finding
 * with its place and one-click suggestion, the score with its reasons. Protected as {@code /v2/check}
 * ({@link CheckApiSecurity}); the text is analysed and forgotten.
 */
@NoPersonalData("analyses a text the caller sends; nothing is read from the case files, and the text is not kept")
@RestController
class AnalysisApiController {

	/**
	 * @param text the letter (required)
	 * @param kind what the letter is (decision, consultation, invitation, information, receipt), or absent to let the
	 * analyser find out from the text
	 * @param subjectLine whether the first line is the subject line (LIX of the body is then given beside the whole)
	 * @param spelling whether to add LanguageTool's spelling and grammar findings
	 */
	record AnalysisRequest(String text, String kind, Boolean subjectLine, Boolean spelling) {
	}

	private final Analyses analyses;

	private final MessageSource messages;

	private final LetterSettings settings;

	AnalysisApiController(Analyses analyses, MessageSource messages, LetterSettings settings) {
		this.analyses = analyses;
		this.messages = messages;
		this.settings = settings;
	}

	@PostMapping("/api/letters/analysis")
	ResponseEntity<AnalysisJson> analyse(@RequestBody AnalysisRequest request, Locale locale) {
		if (request == null || request.text() == null) {
			throw new IllegalArgumentException("Send JSON with the letter in \"text\": {\"text\": \"…\"}.");
		}
		if (request.text().length() > settings.api().maxChars()) {
			throw new CheckApiAdvice.TooLong(settings.api().maxChars());
		}
		LetterCategory category = category(request.kind());
		String text = request.text();
		int subjectEnd = Boolean.TRUE.equals(request.subjectLine()) ? SubjectLine.firstLine(text) : -1;
		Analysis analysis = analyses.analyse(text, category, Boolean.TRUE.equals(request.spelling()), subjectEnd);
		return CheckApiController.json(AnalysisJson.of(text, analysis, messages, locale));
	}

	private static LetterCategory category(String kind) {
		if (kind == null || kind.isBlank() || kind.equalsIgnoreCase("auto")) {
			return LetterCategory.SYSTEM;
		}
		try {
			LetterCategory c = LetterCategory.valueOf(kind.strip().toUpperCase(Locale.ROOT));
			if (c.detectable()) {
				return c;
			}
		}
		catch (IllegalArgumentException e) {
			// below
		}
		throw new IllegalArgumentException(
				"Unknown \"kind\": use decision, consultation, invitation, information, receipt, or leave it out.");
	}
}
