package dk.vaerdig.letters.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The elements a letter must have. Every letter: who to contact and what happens next. A decision letter
 * (Forvaltningsloven): the reasons and the rules applied (§§ 22, 24), complaint guidance with where, how and the
 * deadline (§ 25), and consultation where relevant (§ 19). A consultation letter: the deadline to answer. An
 * information or system letter that announces a decision ("afgørelse", "har besluttet") is checked as a decision.
 * The checks look for the words people use to write each element; they tell that an element seems missing, not that
 * it is legally sufficient.
 */
public final class RequiredElements {

	/** A Danish phone number: 8 digits, possibly in pairs, possibly with +45 (linear: it can only start at a digit). */
	private static final Pattern PHONE = Pattern.compile("(?<!\\d)(?:\\+45\\s?)?\\d{2}\\s?\\d{2}\\s?\\d{2}\\s?\\d{2}(?!\\d)");

	private static final String[] CONTACT = { "ring til", "ring på", "skriv til", "kontakt mig", "kontakt os",
			"kontakte mig", "kontakte os", "tlf", "telefon", "e-mail", "mail", "min direkte", "du kan fange" };

	private static final String[] NEXT = { "næste skridt", "hvad sker der", "herefter", "derefter", "bagefter",
			"når vi har", "vi kontakter dig", "du hører fra", "du vil høre", "næste gang", "du får svar", "du får besked",
			"vi vender tilbage", "det næste", "vi sender", "til samtalen", "på mødet", "vi ses" };

	private static final String[] REASONS = { "begrundelse", "fordi", "på grund af", "lagt vægt på", "lægger vægt på",
			"derfor", "baggrund", "årsagen" };

	private static final String[] RULES = { "§", "lov om", "loven", "lovens", "bekendtgørelse", "reglerne",
			"regler" };

	private static final String[] COMPLAINT_WHERE = { "ankestyrelsen", "klage til os", "klage til kommunen",
			"klage til jobcentret", "klage til jobcenteret" };

	private static final String[] COMPLAINT_HOW = { "skriftligt", "mundtligt", "skriv til", "ring til", "digital post",
			"e-mail", "mail", "borger.dk", "brev til", "klageskema" };

	private static final String[] DEADLINE = { "4 uger", "fire uger", "4 ugers", "fire ugers" };

	private static final String[] CONSULTATION = { "partshøring", "bemærkninger", "kommentere", "kommentarer",
			"inden vi træffer", "inden vi beslutter", "høre dig", "hørt", "dine oplysninger", "din mening" };

	private static final String[] ANSWER_DEADLINE = { "senest", "frist", "inden den" };

	private static final String[] DECISION_WORDS = { "afgørelse", "har besluttet", "har vi besluttet" };

	private RequiredElements() {
	}

	/** Whether an element of the letter is there; when not, {@code missing} says which finding that gives. */
	public record Check(String element, boolean present, Rule missing) {

		public String messageKey() {
			return "letters.element." + element;
		}
	}

	public static List<Check> check(String text, LetterCategory category) {
		String lower = text.toLowerCase(Locale.ROOT);
		List<Check> checks = new ArrayList<>();
		checks.add(new Check("contact", any(lower, CONTACT) || PHONE.matcher(text).find() || hasMailAddress(text), Rule.MISSING_CONTACT));
		checks.add(new Check("next-step", any(lower, NEXT), Rule.MISSING_NEXT_STEP));
		boolean decision = category == LetterCategory.DECISION
				|| ((category == LetterCategory.SYSTEM || category == LetterCategory.INFORMATION) && any(lower, DECISION_WORDS));
		if (decision) {
			boolean complaint = lower.contains("klage");
			checks.add(new Check("reasons", any(lower, REASONS), Rule.MISSING_REASONS));
			checks.add(new Check("rules", any(lower, RULES), Rule.MISSING_RULES));
			checks.add(new Check("complaint-where", complaint && any(lower, COMPLAINT_WHERE), Rule.MISSING_COMPLAINT_BODY));
			checks.add(new Check("complaint-how", complaint && any(lower, COMPLAINT_HOW), Rule.MISSING_COMPLAINT_HOW));
			checks.add(new Check("complaint-deadline", complaint && any(lower, DEADLINE), Rule.MISSING_COMPLAINT_DEADLINE));
			checks.add(new Check("consultation", any(lower, CONSULTATION), Rule.MISSING_CONSULTATION));
		}
		if (category == LetterCategory.CONSULTATION) {
			checks.add(new Check("answer-deadline", any(lower, ANSWER_DEADLINE), Rule.MISSING_ANSWER_DEADLINE));
		}
		return checks;
	}

	/** An e-mail address: a letter or digit on both sides of an @, and a dot after it (no regex: no backtracking). */
	static boolean hasMailAddress(String text) {
		for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
			if (at > 0 && at + 3 < text.length() && Character.isLetterOrDigit(text.charAt(at - 1))
					&& Character.isLetterOrDigit(text.charAt(at + 1))) {
				for (int i = at + 1; i < text.length() && !Character.isWhitespace(text.charAt(i)); i++) {
					if (text.charAt(i) == '.' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static boolean any(String lower, String[] words) {
		for (String w : words) {
			if (lower.contains(w)) {
				return true;
			}
		}
		return false;
	}
}
