package dk.vaerdig.letters.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** LanguageTool's annotated text: the plain text the analyser reads, and positions mapped back to the original. */
class AnnotatedTextTest {

	static Map<String, Object> text(String t) {
		return Map.of("text", t);
	}

	static Map<String, Object> markup(String m, String interpretAs) {
		Map<String, Object> part = new LinkedHashMap<>();
		part.put("markup", m);
		if (interpretAs != null) {
			part.put("interpretAs", interpretAs);
		}
		return part;
	}

	@Test
	void markupIsSkippedOrReadAsItsInterpretationAndAWordMapsBackToTheOriginal() {
		AnnotatedText a = AnnotatedText.of(Map.of("annotation", List.of(markup("<p>", null), text("Vi skriver "),
				markup("<b>", null), text("vedrørende"), markup("</b>", null), text(" sagen."), markup("</p>", "\n\n"),
				text("Hej."))));
		assertThat(a.plain()).isEqualTo("Vi skriver vedrørende sagen.\n\nHej.");
		String original = "<p>Vi skriver <b>vedrørende</b> sagen.</p>Hej.";
		int start = a.plain().indexOf("vedrørende");
		assertThat(a.originalStart(start)).isEqualTo(original.indexOf("vedrørende"));
		assertThat(a.originalEnd(start + 10)).isEqualTo(original.indexOf("</b>"));
		// a finding that spans the interpreted paragraph break covers the markup
		assertThat(a.originalEnd(a.plain().indexOf("Hej"))).isEqualTo(original.indexOf("Hej"));
	}

	@Test
	void aBadStructureIsRefusedWithAMessage() {
		assertThatThrownBy(() -> AnnotatedText.of(List.of())).hasMessageContaining("annotation");
		assertThatThrownBy(() -> AnnotatedText.of(Map.of("annotation", List.of(Map.of("text", "a", "markup", "b")))))
			.hasMessageContaining("exactly one");
		assertThatThrownBy(() -> AnnotatedText.of(Map.of("annotation", List.of(Map.of("text", "a", "interpretAs", "b")))))
			.hasMessageContaining("interpretAs");
		assertThatThrownBy(() -> AnnotatedText.of(Map.of("annotation", List.of(Map.of("text", 3)))))
			.hasMessageContaining("exactly one");
	}

	static Stream<Long> seeds() {
		return IntStream.range(0, 200).mapToObj(i -> 14_000L + i);
	}

	/** Random annotations: every character of a text part maps back to the same character in the original. */
	@ParameterizedTest
	@MethodSource("seeds")
	void everyCharacterOfTextMapsToItselfInTheOriginal(long seed) {
		Random r = new Random(seed);
		List<Map<String, Object>> parts = new ArrayList<>();
		StringBuilder original = new StringBuilder();
		List<Boolean> isText = new ArrayList<>();
		for (int n = r.nextInt(12); n > 0; n--) {
			if (r.nextBoolean()) {
				String t = word(r);
				parts.add(text(t));
				original.append(t);
				t.chars().forEach(c -> isText.add(true));
			}
			else {
				String m = "<" + word(r) + ">";
				String as = r.nextInt(3) == 0 ? "\n" : null;
				parts.add(markup(m, as));
				original.append(m);
				m.chars().forEach(c -> isText.add(false));
			}
		}
		AnnotatedText a = AnnotatedText.of(Map.of("annotation", parts));
		String plain = a.plain();
		for (int p = 0; p < plain.length(); p++) {
			int o = a.originalStart(p);
			if (isText.size() > o && isText.get(o)) {
				assertThat(original.charAt(o)).isEqualTo(plain.charAt(p));
				assertThat(a.originalEnd(p + 1)).isEqualTo(o + 1);
			}
			assertThat(a.originalEnd(p + 1)).isGreaterThan(o).isLessThanOrEqualTo(original.length());
		}
		assertThat(a.originalStart(plain.length())).isEqualTo(original.length());
	}

	private static String word(Random r) {
		StringBuilder w = new StringBuilder();
		for (int i = 1 + r.nextInt(6); i > 0; i--) {
			w.append("abcæøå ".charAt(r.nextInt(7)));
		}
		return w.toString();
	}
}
