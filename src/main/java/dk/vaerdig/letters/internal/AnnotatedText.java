package dk.vaerdig.letters.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A text with markup, as LanguageTool's {@code data} parameter gives it: parts that are text (checked) and parts that
 * are markup (not checked, but read as their {@code interpretAs}, e.g. {@code "\n\n"} for {@code <p>}). The analyser
 * reads the plain text (the text parts and the interpretations); positions of findings are mapped back to the original
 * (text and markup together), since that is what the client highlights.
 */
public final class AnnotatedText {

	/** One part: its place in the plain text and in the original, and whether it is text. */
	private record Part(int plainStart, int plainEnd, int originalStart, int originalEnd, boolean text) {
	}

	private final String plain;

	private final int originalLength;

	private final List<Part> parts;

	private AnnotatedText(String plain, int originalLength, List<Part> parts) {
		this.plain = plain;
		this.originalLength = originalLength;
		this.parts = parts;
	}

	/** A text without markup. */
	public static AnnotatedText plain(String text) {
		return new AnnotatedText(text, text.length(), List.of(new Part(0, text.length(), 0, text.length(), true)));
	}

	/**
	 * The text of LanguageTool's {@code data} JSON, already parsed: {@code {"annotation": [{"text": …}, {"markup": …,
	 * "interpretAs": …}, …]}}.
	 * @throws IllegalArgumentException with a message for the client when the structure is not that
	 */
	public static AnnotatedText of(Object data) {
		if (!(data instanceof Map<?, ?> root) || !(root.get("annotation") instanceof List<?> annotation)) {
			throw new IllegalArgumentException("'data' must be a JSON object with an array 'annotation'");
		}
		StringBuilder plain = new StringBuilder();
		List<Part> parts = new ArrayList<>(annotation.size());
		int original = 0;
		for (Object element : annotation) {
			if (!(element instanceof Map<?, ?> part)) {
				throw new IllegalArgumentException("each element of 'annotation' must be an object with 'text' or 'markup'");
			}
			Object text = part.get("text");
			Object markup = part.get("markup");
			Object interpretAs = part.get("interpretAs");
			if ((text == null) == (markup == null) || (text != null && !(text instanceof String))
					|| (markup != null && !(markup instanceof String))) {
				throw new IllegalArgumentException("each element of 'annotation' needs exactly one of 'text' and 'markup' (a string)");
			}
			if (interpretAs != null && (text != null || !(interpretAs instanceof String))) {
				throw new IllegalArgumentException("'interpretAs' is a string and belongs only to a 'markup' element");
			}
			String shown = text != null ? (String) text : interpretAs == null ? "" : (String) interpretAs;
			int length = text != null ? ((String) text).length() : ((String) markup).length();
			parts.add(new Part(plain.length(), plain.length() + shown.length(), original, original + length, text != null));
			plain.append(shown);
			original += length;
		}
		return new AnnotatedText(plain.toString(), original, List.copyOf(parts));
	}

	/** The text the analyser reads. */
	public String plain() {
		return plain;
	}

	/** The place in the original of a finding's start in the plain text (markup read as text maps to its start). */
	public int originalStart(int plainPosition) {
		for (Part p : parts) {
			if (p.plainStart() <= plainPosition && plainPosition < p.plainEnd()) {
				return p.text() ? p.originalStart() + plainPosition - p.plainStart() : p.originalStart();
			}
		}
		return originalLength;
	}

	/** The place in the original of a finding's end (exclusive) in the plain text. */
	public int originalEnd(int plainPosition) {
		if (plainPosition <= 0) {
			return parts.isEmpty() ? 0 : originalStart(0);
		}
		for (int i = parts.size() - 1; i >= 0; i--) {
			Part p = parts.get(i);
			if (p.plainStart() < plainPosition && plainPosition <= p.plainEnd()) {
				return p.text() ? p.originalStart() + plainPosition - p.plainStart() : p.originalEnd();
			}
		}
		return originalLength;
	}
}
