package dk.vaerdig.letters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.vaerdig.letters.LetterSettings;

/** LanguageTool's Danish check as a separate step: findings with positions in our text, merged into the score. */
class SpellCheckerTest {

	@Test
	void findsAMisspeltWordAtItsPositionAndTheScoreCountsIt() {
		SpellChecker checker = new SpellChecker(new LetterSettings(true, 20_000, Duration.ofSeconds(30), 1, 1, 1, 1, 1, "outbox"));
		assertThat(checker.check("Hej")).as("nothing before it is warm").isEmpty();
		checker.warm();
		assertThat(checker.ready()).isTrue();
		String text = "Vi vil gerne invitere dig til en samtalle på tirsdag.";
		List<Finding> findings = checker.check(text);
		assertThat(findings).anySatisfy(f -> {
			assertThat(f.rule()).isEqualTo(Rule.SPELLING);
			assertThat(text.substring(f.start(), f.end())).isEqualTo("samtalle");
			assertThat(f.suggestion()).isEqualTo("samtale");
		});
		Analysis plain = ShippedDictionary.analyser().analyse(text, LetterCategory.INFORMATION);
		assertThat(plain.with(findings).count(Rule.SPELLING)).isEqualTo(1);
		// the check is bounded: a text longer than the limit is checked up to the limit only
		SpellChecker small = new SpellChecker(new LetterSettings(true, 10, Duration.ofSeconds(30), 1, 1, 1, 1, 1, "outbox"));
		small.warm();
		assertThat(small.check("Vi ses snart. Samtalle samtalle samtalle.")).isEmpty();
		checker.destroy();
		small.destroy();
	}
}
