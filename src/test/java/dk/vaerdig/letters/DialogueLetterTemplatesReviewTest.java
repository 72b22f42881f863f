package dk.vaerdig.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.vaerdig.letters.internal.Analysis;
import dk.vaerdig.letters.internal.LetterCategory;
import dk.vaerdig.letters.internal.PlainLanguageAnalyser;
import dk.vaerdig.letters.internal.RequiredElements;
import dk.vaerdig.letters.internal.ShippedDictionary;

/**
 * The dialogue meeting's letters pass the review the editor shows for their category: every required element
 * present, no finding of the analyser, LIX within the target.
 */
class DialogueLetterTemplatesReviewTest {

	static final PlainLanguageAnalyser ANALYSER = ShippedDictionary.analyser();

	@Test
	void theInvitationAndTheNoticesOfAChangeOrCancellationPassTheReview() throws IOException {
		Map<String, CandidateTextsPlainLanguageTest.CandidateText> shipped = CandidateTextsPlainLanguageTest.shippedLetters();
		Map<String, LetterCategory> categories = Map.of("letter dialogue-invitation", LetterCategory.INVITATION,
				"letter dialogue-changed", LetterCategory.INFORMATION, "letter dialogue-cancelled",
				LetterCategory.INFORMATION);
		categories.forEach((key, category) -> {
			assertThat(shipped).containsKey(key);
			var letter = shipped.get(key);
			Analysis a = ANALYSER.analyse(letter.text(), category, letter.subjectEnd());
			assertThat(a.elements()).as(key + " required elements").allMatch(RequiredElements.Check::present);
			assertThat(a.findings()).as(key + " findings").isEmpty();
			assertThat(a.body().lix()).as(key + " LIX").isLessThanOrEqualTo(Analysis.LIX_TARGET);
		});
	}
}
