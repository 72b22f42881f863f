package dk.vaerdig.letters.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The elements a letter must have, checked by the structure of its sentences rather than by key words anywhere.
 * <ul>
 * <li>Every letter: who to contact, and what happens next (a meeting with its day and time is a next step).</li>
 * <li>A decision (Forvaltningsloven): the <b>reasons</b> (§§ 22, 24) — a sentence that states the facts or the
 * assessment behind the decision ("fordi …", "da du …", "Vi har lagt vægt på, at …", or a statement of fact followed
 * by "Vi har derfor besluttet"), not a formula such as "på baggrund af de oplysninger, der foreligger"; the <b>rules</b>
 * — a law with a paragraph (§ and a number, and "lov om …", "…loven", LAB, a bekendtgørelse) in the same sentence or
 * the next; <b>complaint guidance</b> (§ 25) — <em>one passage</em> (a sentence about complaining and the sentences
 * around it, not crossing a heading) that says where (a complaint body, or "klage til os"), how (in writing, by
 * phone, Digital Post …) and by when (a deadline tied to receiving the decision: "inden 4 uger efter, at du har fået
 * afgørelsen"); and <b>consultation</b> (§ 19) where relevant — not required when the facts came from the candidate
 * or the decision grants what was asked for.</li>
 * <li>A consultation letter (partshøring): the deadline to answer, and the decision we plan to make. No complaint
 * guidance: nothing is decided yet.</li>
 * </ul>
 * The checks tell that an element seems missing, not that it is legally sufficient.
 */
public final class RequiredElements {

	/** A Danish phone number: 8 digits, possibly in pairs, possibly with +45 (linear: it can only start at a digit). */
	private static final Pattern PHONE = Pattern.compile("(?<!\\d)(?:\\+45\\s?)?\\d{2}\\s?\\d{2}\\s?\\d{2}\\s?\\d{2}(?!\\d)");

	private static final String[] CONTACT = { "ring til", "ring på", "skriv til", "kontakt mig", "kontakt os",
			"kontakte mig", "kontakte os", "tlf", "telefon", "e-mail", "mail", "min direkte", "du kan fange",
			"{{sagsbehandler_telefon}}", "{{sagsbehandler_email}}" };

	private static final String[] NEXT = { "næste skridt", "hvad sker der", "herefter", "derefter", "bagefter",
			"når vi har", "vi kontakter dig", "du hører fra", "du vil høre", "næste gang", "du får svar", "du får besked",
			"vi vender tilbage", "det næste", "vi sender", "til samtalen", "på mødet", "vi ses", "mød op", "møde op",
			"du skal møde", "vi forventer at", "du får en afgørelse", "inden vi træffer", "før vi træffer",
			"vi glæder os til at se dig" };

	/** A sentence that begins with a call to act: "Send …", "Ring …", "Mød op …". */
	private static final Pattern CALL_TO_ACT = Pattern.compile(
			"^(?:send|ring|mød|kom|husk|tag|skriv|kontakt|udfyld|log ind|book|tilmeld|giv os besked)\\b");

	/** Words that begin a reason (or an assessment) behind a decision. */
	private static final Pattern REASON = Pattern.compile(
			"\\bfordi\\b|\\bda (?:du|vi|jeg|der|det|din|dit|dine|kommunen|jobcentret|han|hun|de)\\b|\\bidet\\b|\\bdet skyldes\\b|\\bårsagen (?:er|til)\\b|\\bbegrundelsen (?:er|for)\\b"
					+ "|\\b(?:har |have )?lagt (?:særlig )?vægt på\\b|\\blægger (?:vi )?(?:særlig )?vægt på\\b|\\bvi har vurderet\\b|\\bvi vurderer\\b|\\bvi har konstateret\\b|\\bvi kan se\\b|\\bdet fremgår\\b"
					+ "|\\bpå (?:grund|baggrund) af,? at\\b|\\bpå grund af (?:din|dit|dine|at)\\b|\\bbegrundelse:|\\bvores begrundelse\\b|\\bsom følge af,? at\\b|\\bnår du (?:ikke )?(?:har|er)\\b");

	/** Formulas that name no fact: they do not make a sentence a reason. */
	private static final Pattern BOILERPLATE = Pattern.compile(
			"(?:på baggrund|på grundlag|ud fra|på grund) af (?:de|alle|sagens|de samlede) (?:foreliggende |aktuelle )?oplysninger(?:, der foreligger| i sagen| i din sag)?"
					+ "|(?:de|sagens) (?:foreliggende )?oplysninger(?:, der foreligger| i sagen| i din sag)?|en samlet vurdering|det foreliggende grundlag|gældende regler|reglerne på området|sagens karakter");

	private static final Pattern PARAGRAPH = Pattern.compile("§ ?\\d|§§|\\bparagraf \\d|\\bstk\\. ?\\d");

	private static final Pattern LAW = Pattern.compile(
			"\\blov om\\b|\\p{L}+loven(?:s)?\\b|\\blab\\b|\\blov nr|\\blovbekendtgørelse|\\blbk\\b|\\bbekendtgørelse|\\bbek\\. nr|\\bcirkulære|\\bvejledning nr");

	private static final Pattern BODY = Pattern.compile(
			"ankestyrelsen|\\bjobcent(?:er|re|e)?(?:re|e)?t\\b|\\bjobcenteret\\b|\\bkommunen\\b|\\p{L}+ kommune\\b|\\bos\\b|\\bmig\\b|\\bafdelingen\\b|borgerservice|ydelsesservice|udbetaling danmark|beskæftigelsesankenævnet|\\bcenter for \\p{L}+|\\p{L}*forvaltningen\\b|a-kassen|klageinstans|\\bjobcenter \\p{L}+");

	private static final Pattern HOW = Pattern.compile(
			"skriftlig|mundtlig|\\bskriv|\\bring\\b|\\bringe\\b|telefon|\\btlf|digital post|e-?mail|\\bmail|\\bbrev\\b|borger\\.dk|klageskema|klageportal|selvbetjening|sikker post|personligt|\\bkontakt(?:e)? (?:os|mig|jobcentret|kommunen)|\\bsende\\b|\\bsend\\b|\\d{2} ?\\d{2} ?\\d{2} ?\\d{2}|@|formular|blanket");

	private static final Pattern DURATION = Pattern.compile(
			"\\b(?:\\d+|en|et|to|tre|fire|fem|seks|otte|fjorten) (?:uge|uger|ugers|dag|dage|dages|måned|måneder|måneders|hverdage|arbejdsdage)\\b");

	private static final Pattern RECEIVED = Pattern.compile(
			"\\b(?:efter|fra|regnet fra|fra den dag|fra dagen)\\b.{0,60}?\\b(?:fik|fået|får|modtog|modtaget|modtager|modtagelsen|modtagelse|har fået)\\b|\\bfra (?:brevets|afgørelsens) dato|\\bfra (?:den dag|datoen), (?:du|hvor du)");

	private static final Pattern DATE_DEADLINE = Pattern.compile(
			"\\b(?:senest|inden|før) (?:den )?\\d{1,2}\\. ?(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)");

	/** A deadline to answer. */
	private static final Pattern ANSWER_DEADLINE = Pattern.compile(
			"\\bsenest\\b|\\bfrist|\\binden (?:den )?\\d|\\binden for (?:de næste )?\\d|\\binden (?:en|to|tre|fire|otte|fjorten|\\d+) (?:dage|uger|hverdage|arbejdsdage)|\\binden \\p{L}+dag");

	private static final Pattern REPLY_VERB = Pattern.compile(
			"\\b(?:svar|svare|send|sende|skriv|skrive|ring|ringe|kontakt|kontakte|bemærk|kommentar|kommentere|høre|give os besked|vende tilbage|indsigelse|udtale)");

	/** The facts came from the candidate: consultation (§ 19) is then not needed. */
	private static final Pattern FACTS_FROM_CANDIDATE = Pattern.compile(
			"\\bdu har (?:selv )?(?:oplyst|fortalt|skrevet|sendt|ansøgt|søgt|meddelt|givet os|sagt|indsendt|udfyldt)\\b|\\b(?:oplysninger|oplysningerne) (?:fra dig|du har givet|som du har givet)|\\bdine (?:egne )?oplysninger\\b|\\bdin ansøgning\\b|\\bsom du har (?:sendt|givet|oplyst|fortalt)|\\bdu (?:fortalte|oplyste|skrev)\\b|\\bfortalte du\\b|\\boplyste du\\b");

	/** The decision grants what was asked for: consultation is not needed. */
	private static final Pattern IN_FAVOUR = Pattern.compile(
			"\\b(?:har|vi) (?:derfor )?(?:bevilget|bevilliget|bevilger|godkendt|godkender|imødekommet)\\b|\\bdu får (?:derfor )?(?:bevilget|bevilliget|tilkendt)\\b|\\b(?:er|bliver) (?:derfor )?(?:bevilget|bevilliget|godkendt|imødekommet)\\b");

	private static final Pattern CONSULTED = Pattern.compile(
			"partshør|\\bbemærkninger\\b|\\bkommentarer\\b|\\bkommentere\\b|\\bhørt dig\\b|\\bhøre dig\\b|\\budtale dig\\b|\\budtalt dig\\b|\\bdin mening\\b|\\bdin side af sagen\\b|\\binden vi træffer\\b|\\binden vi besluttede\\b|\\bfør vi besluttede\\b");

	private static final String[] REASON_KEYS = { "fordi", "da ", "idet", "skyldes", "årsag", "begrundelse", "vægt på",
			"vurder", "konstater", "kan se", "fremgår", "grund af", "baggrund af", "følge af", "når du" };

	private static final String[] CONSULTED_KEYS = { "partshør", "bemærk", "kommentar", "hørt dig", "høre dig", "udtal",
			"mening", "side af sagen", "inden vi", "før vi", "oplys", "fortal", "skrev", "sendt", "meddelt", "søgt", "ansøg", "sagt",
			"udfyldt", "indsendt", "givet os", "bevil", "godkend", "imødekom", "tilkend" };

	private RequiredElements() {
	}

	/** Whether an element of the letter is there; when not, {@code missing} says which finding that gives. */
	public record Check(String element, boolean present, Rule missing) {

		public String messageKey() {
			return "letters.element." + element;
		}
	}

	/** The checks for a text; {@link LetterCategory#SYSTEM} checks it as the kind {@link LetterKinds} detects. */
	public static List<Check> check(String text, LetterCategory category) {
		String t = text == null ? "" : text;
		LetterText lt = LetterText.of(t, Tokenizer.tokenize(t));
		LetterCategory kind = LetterKinds.effective(category, LetterKinds.detect(lt).kind());
		return check(lt, kind);
	}

	static List<Check> check(LetterText lt, LetterCategory kind) {
		String text = lt.text;
		String lower = text.toLowerCase(Locale.ROOT);
		List<Check> checks = new ArrayList<>();
		checks.add(new Check("contact", any(lower, CONTACT) || PHONE.matcher(text).find() || hasMailAddress(text),
				Rule.MISSING_CONTACT));
		checks.add(new Check("next-step", nextStep(lt, lower), Rule.MISSING_NEXT_STEP));
		if (kind == LetterCategory.DECISION) {
			checks.add(new Check("reasons", reasons(lt), Rule.MISSING_REASONS));
			checks.add(new Check("rules", rules(lt), Rule.MISSING_RULES));
			boolean[] complaint = complaintGuidance(lt);
			checks.add(new Check("complaint-where", complaint[0], Rule.MISSING_COMPLAINT_BODY));
			checks.add(new Check("complaint-how", complaint[1], Rule.MISSING_COMPLAINT_HOW));
			checks.add(new Check("complaint-deadline", complaint[2], Rule.MISSING_COMPLAINT_DEADLINE));
			checks.add(new Check("consultation", consultationDone(lt), Rule.MISSING_CONSULTATION));
		}
		if (kind == LetterCategory.CONSULTATION) {
			checks.add(new Check("answer-deadline", answerDeadline(lt), Rule.MISSING_ANSWER_DEADLINE));
			checks.add(new Check("planned-decision", plannedDecision(lt), Rule.MISSING_PLANNED_DECISION));
		}
		return checks;
	}

	static boolean nextStep(LetterText lt, String lower) {
		if (any(lower, NEXT)) {
			return true;
		}
		int meeting = -100;
		int time = -200;
		for (int i = 0; i < lt.size(); i++) {
			String s = lt.sentence(i);
			if (CALL_TO_ACT.matcher(s).find()) {
				return true;
			}
			if (LetterKinds.meeting(s)) {
				meeting = i;
			}
			if (LetterKinds.time(s)) {
				time = i;
			}
			// a meeting with its day or time: the next step is to come
			if (Math.abs(meeting - time) <= LetterKinds.MEETING_TIME_DISTANCE) {
				return true;
			}
		}
		return false;
	}

	static boolean reasons(LetterText lt) {
		for (int i = 0; i < lt.size(); i++) {
			String s = lt.sentence(i);
			var m = REASON.matcher(s);
			if (LetterKinds.has(s, REASON_KEYS) && m.find()) {
				String after = BOILERPLATE.matcher(s.substring(m.end())).replaceAll(" ");
				if (words(after) >= 3) {
					return true;
				}
			}
			if (i > 0 && (s.contains("derfor") || s.startsWith("det betyder") || s.startsWith("det er grunden"))
					&& lt.paragraph[i - 1] == lt.paragraph[i] && !lt.heading[i - 1]) {
				String before = BOILERPLATE.matcher(lt.sentence(i - 1)).replaceAll(" ");
				if (words(before) >= 4 && (before.contains("du ") || before.contains("din ") || before.contains("dit ")
						|| before.contains("dine ") || containsDigit(before))) {
					return true;
				}
			}
		}
		return false;
	}

	static boolean rules(LetterText lt) {
		for (int i = 0; i < lt.size(); i++) {
			String s = lt.sentence(i);
			if (s.contains("klag") || !(s.contains("§") || s.contains("paragraf") || s.contains("stk")) || !PARAGRAPH.matcher(s).find()) {
				continue;
			}
			if (LAW.matcher(s).find() || (i > 0 && LAW.matcher(lt.sentence(i - 1)).find() && !lt.sentence(i - 1).contains("klag"))
					|| (i + 1 < lt.size() && LAW.matcher(lt.sentence(i + 1)).find() && !lt.sentence(i + 1).contains("klag"))) {
				return true;
			}
		}
		return false;
	}

	/** Where, how and by when, all from the one passage about complaining that has most of them. */
	static boolean[] complaintGuidance(LetterText lt) {
		boolean[] best = new boolean[3];
		int bestCount = -1;
		// what each sentence says, found once: 1 where, 2 how, 4 when (-1: not looked at yet)
		int[] says = new int[lt.size()];
		Arrays.fill(says, -1);
		for (int i = 0; i < lt.size(); i++) {
			String s = lt.sentence(i);
			if (!s.contains("klag")) {
				continue;
			}
			boolean where = false;
			boolean how = false;
			boolean when = false;
			int from = i;
			while (from > 0 && from > i - 2 && !(lt.heading[from - 1] && !lt.sentence(from - 1).contains("klag"))) {
				from--;
			}
			for (int j = from; j < lt.size() && j <= i + 5; j++) {
				String w = lt.sentence(j);
				if (j > i && lt.heading[j] && !w.contains("klag")) {
					break;
				}
				boolean aboutComplaint = w.contains("klag");
				if (says[j] < 0) {
					boolean forwards = w.contains("videre") || w.contains("sender") || w.contains("sendes");
					says[j] = ((aboutComplaint || forwards) && BODY.matcher(w).find() ? 1 : 0)
							| (HOW.matcher(w).find() ? 2 : 0)
							| ((DURATION.matcher(w).find() && RECEIVED.matcher(w).find())
									|| (aboutComplaint || w.contains("frist")) && DATE_DEADLINE.matcher(w).find() ? 4 : 0);
				}
				where |= (says[j] & 1) != 0;
				how |= (says[j] & 2) != 0 && (aboutComplaint || j > i);
				when |= (says[j] & 4) != 0;
			}
			int count = (where ? 1 : 0) + (how ? 1 : 0) + (when ? 1 : 0);
			if (count > bestCount) {
				best = new boolean[] { where, how, when };
				bestCount = count;
				if (count == 3) {
					break;
				}
			}
		}
		return best;
	}

	static boolean consultationDone(LetterText lt) {
		for (int i = 0; i < lt.size(); i++) {
			String s = lt.sentence(i);
			if (LetterKinds.has(s, CONSULTED_KEYS) && (CONSULTED.matcher(s).find() || FACTS_FROM_CANDIDATE.matcher(s).find()
					|| IN_FAVOUR.matcher(s).find())) {
				return true;
			}
		}
		return false;
	}

	static boolean answerDeadline(LetterText lt) {
		for (int i = 0; i < lt.size(); i++) {
			String s = lt.sentence(i);
			if (!ANSWER_DEADLINE.matcher(s).find()) {
				continue;
			}
			if (REPLY_VERB.matcher(s).find() || LetterKinds.REPLY_REQUEST.matcher(s).find()
					|| (i > 0 && LetterKinds.REPLY_REQUEST.matcher(lt.sentence(i - 1)).find())
					|| (i + 1 < lt.size() && LetterKinds.REPLY_REQUEST.matcher(lt.sentence(i + 1)).find())) {
				return true;
			}
		}
		return false;
	}

	static boolean plannedDecision(LetterText lt) {
		for (int i = 0; i < lt.size(); i++) {
			String s = lt.sentence(i);
			if (LetterKinds.PLANNED.matcher(s).find()) {
				return true;
			}
			if (LetterKinds.DECISION.matcher(s).find()) {
				return true; // the decision a consultation letter describes
			}
		}
		return false;
	}

	private static int words(String s) {
		int count = 0;
		boolean in = false;
		for (int i = 0; i < s.length(); i++) {
			boolean letter = Character.isLetterOrDigit(s.charAt(i));
			if (letter && !in) {
				count++;
			}
			in = letter;
		}
		return count;
	}

	private static boolean containsDigit(String s) {
		for (int i = 0; i < s.length(); i++) {
			if (Character.isDigit(s.charAt(i))) {
				return true;
			}
		}
		return false;
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
