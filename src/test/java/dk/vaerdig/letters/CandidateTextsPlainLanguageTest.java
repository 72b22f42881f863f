package dk.vaerdig.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dk.vaerdig.letters.internal.Analysis;
import dk.vaerdig.letters.internal.Finding;
import dk.vaerdig.letters.internal.LetterCategory;
import dk.vaerdig.letters.internal.PlainLanguageAnalyser;
import dk.vaerdig.letters.internal.Rule;
import dk.vaerdig.letters.internal.ShippedDictionary;

/**
 * The product practises what it measures (issue 14): every text a candidate reads is run through the product's own
 * plain-language analyser, with the dictionaries as shipped, and fails on officialese, formal address (De/Dem/Deres)
 * or disempowering phrasing, and on LIX over {@value Analysis#LIX_TARGET}.
 *
 * <p><b>Which texts are candidate-facing.</b> Danish bundle keys are classified by {@link #CANDIDATE_PREFIXES}: a key
 * equal to or starting with one of them is a text a candidate reads (SMS and e-mail to candidates, the meeting summary,
 * the public pages: survey answer pages, pop-up booking, lobby screen, accessibility statement, the layout around
 * them, and the form and error messages a public page can show). Three guards keep the classification from going
 * stale silently:
 * <ul>
 * <li>every key a public page ({@link #PUBLIC_PAGES}) names, literally or as a prefix of a computed key
 * ({@code 'surveys.closed.' + ${state}}), must be candidate-facing or listed in {@link #STAFF_ONLY} with the reason;</li>
 * <li>every bundle key that a class sending texts to candidates ({@link #SENDERS}) names as a string literal must be
 * candidate-facing or listed in {@link #STAFF_ONLY};</li>
 * <li>every candidate prefix must match at least one key (a renamed key family fails here, not silently).</li>
 * </ul>
 * A new public page or a new sender is added to those lists; a new key in a candidate-facing family is checked without
 * any change to this test. The Min side pages ({@code i18n/portal*.properties}, not on main when this test was
 * written) belong here as soon as they exist: keys under {@code portal.} count as candidate-facing once
 * {@code i18n/portal.properties} is present; add the portal's templates to {@link #PUBLIC_PAGES} and its controllers
 * to {@link #SENDERS} then.
 *
 * <p><b>Letter templates.</b> The templates shipped with the app are read from the Flyway migrations that insert
 * {@code letter_template_version} rows; the newest version of each template is checked (subject line and body, LIX of
 * the body, as the editor counts it).
 *
 * <p><b>How a bundle text is read.</b> MessageFormat arguments ({@code {0}}) become merge fields ({@code {{felt}}}),
 * which the analyser neither counts as words nor as long words (a name or a date in their place would be short or no
 * word); {@code ''} becomes {@code '}; HTML tags are removed.
 *
 * <p><b>LIX minimum: {@value #LIX_MIN_WORDS} words.</b> LIX is words per sentence plus the percentage of words over six
 * letters. In a text under 30 words one long word moves the second part by more than three points and a single
 * sentence makes the first part that sentence's length, so a three-word label such as "Tilgængelighedserklæring" would
 * "score" LIX 100 while being perfectly plain. Läsbarhetsindex was calibrated on samples of whole texts; about 30 words
 * (two to four short sentences) is the least where the figure says something about the reading. Shorter texts are
 * still checked for officialese, formal address and disempowering phrasing.
 *
 * <p><b>False alarms.</b> Where the analyser is wrong about a text, the exact text is listed in {@link #FALSE_ALARMS}
 * with the reason; nothing is excluded wholesale. Each entry is a defect of the analyser to fix.
 */
class CandidateTextsPlainLanguageTest {

	static final int LIX_MIN_WORDS = 30;

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Path TEMPLATES = RESOURCES.resolve("templates");

	private static final Path MIGRATIONS = RESOURCES.resolve("db/migration");

	private static final Path MAIN = Path.of("src/main/java");

	/** Keys (exact, or a family when ending in ".") whose texts candidates read. */
	static final List<String> CANDIDATE_PREFIXES = List.of(
			// the meeting summary the candidate gets
			"summary.", "surveys.summary.",
			// SMS and e-mail to candidates
			"casework.message.", "surveys.invitation.", "employment.booking.", "insights.dialogue.invitation.",
			// a dialogue meeting moved or cancelled, told to the invited candidates
			"insights.dialogue.notice.",
			// survey answer pages and the kiosk
			"surveys.answer.", "surveys.closed.", "surveys.thanks.", "surveys.kiosk.", "surveys.scale.", "surveys.channel.",
			// pop-up booking
			"employment.book.", "employment.booked.", "employment.cancel.",
			// the lobby screen
			"insights.lobby.", "insights.tooFew",
			// the accessibility statement
			"accessibility.",
			// the layout around the public pages, the job centre's contact line, form and error messages
			"layout.skip", "layout.brand", "layout.footer.", "jobcentre.", "form.", "error.",
			// Selvbook on Min side and the calendar file
			"selvbook.page.", "selvbook.exempt.", "selvbook.booked.", "selvbook.free.", "selvbook.form.", "selvbook.flash.",
			"selvbook.taken.", "selvbook.refused.", "selvbook.ics.",
			// Min side, part 2: choosing offers, preparing the meeting, agreements, complaints, a new caseworker
			"choices.closed", "choices.offer.", "choices.choose.", "choices.plan.", "choices.overview.", "choices.summary.",
			"choices.prepare.", "choices.complaint.", "choices.receipt.", "choices.caseworker.", "choices.history.",
			"choices.agreement.heading", "choices.agreement.intro", "choices.agreement.marked", "choices.agreement.yourNote",
			"choices.agreement.note", "choices.agreement.markDone", "choices.agreement.ours", "choices.agreement.saved",
			"choices.agreement.notYours",
			// Min side, part 2: how I want to be contacted, the messages, the notices and reminders sent
			"contact.nav", "contact.form.", "contact.messages.", "contact.preference.", "contact.channel.",
			"contact.language.", "contact.notice", "contact.reminder.",
			// the notice of a letter by SMS or e-mail, and the note on a letter that has no text in the candidate's language
			"letters.notice.", "letters.translationMissing",
			// the word "Tolk" in the candidate's own copy of their data (the same label as on the staff card)
			"contact.staff.interpreter");

	/** Candidate-facing keys that are no text to read: formats for dates and times. Key and reason. */
	static final Map<String, String> NOT_TEXT = Map.of(
			"employment.booking.sms.when", "a java.time pattern for the time in the booking SMS",
			"jobcentre.hours.time", "a java.time pattern for opening hours",
			"jobcentre.hours.days", "a pattern joining weekdays and hours (\"{0}–{1} kl. {2}–{3}\")",
			"jobcentre.hours.day", "a pattern joining a weekday and hours", "jobcentre.hours.and", "the word \"og\"",
			"form.errors.item", "a pattern joining a field name and its message",
			"form.errors.row", "a pattern joining a message and a row number");

	/** Pages that candidates (or anyone, without logging in) see. */
	static final List<String> PUBLIC_PAGES = List.of("surveys/answer.html", "surveys/closed.html", "surveys/thanks.html",
			"surveys/kiosk.html", "employment/book.html", "employment/booked.html", "employment/cancel.html",
			"insights/lobby.html", "platform/accessibility.html", "casework/meeting-summary.html", "layout.html",
			"error.html", "fragments/forms.html", "portal/overview.html", "portal/no-case.html", "portal/story.html",
			"portal/plan.html", "portal/meetings.html", "portal/letters.html", "portal/letter.html",
			"portal/complaints.html", "portal/access-log.html", "portal/download.html", "portal/not-found.html",
			"portal/fragments/nav.html", "portal/my-data-pdf.html", "letters/letter-pdf.html", "portal/booking.html",
			"portal/booking-taken.html", "portal/prepare.html", "portal/complaint-new.html",
			"portal/complaint-receipt.html", "portal/new-caseworker.html", "portal/contact.html", "portal/messages.html");

	/**
	 * Classes that send texts to candidates (SMS, e-mail, Digital Post), put them on the summary, or serve the public
	 * pages (the paths {@code SecurityConfiguration} lets through without login: {@code /s/**}, {@code /kiosk/**},
	 * {@code /lobby}, {@code /book/**}, {@code /accessibility}, {@code /error}).
	 */
	static final List<String> SENDERS = List.of("dk/vaerdig/casework/internal/CandidateMessages.java",
			"dk/vaerdig/casework/internal/HandoverService.java", "dk/vaerdig/employment/internal/Popups.java",
			"dk/vaerdig/surveys/internal/InvitationChannel.java", "dk/vaerdig/surveys/internal/SurveyOnSummary.java",
			"dk/vaerdig/employment/web/BookingController.java", "dk/vaerdig/surveys/web/AnswerController.java",
			"dk/vaerdig/surveys/web/KioskController.java", "dk/vaerdig/insights/web/LobbyController.java",
			"dk/vaerdig/platform/web/ErrorPageController.java",
			"dk/vaerdig/insights/internal/dialogue/DialogueMeetings.java", "dk/vaerdig/portal/web/MinSideController.java",
			"dk/vaerdig/portal/web/MinSidePagesController.java", "dk/vaerdig/portal/web/MinSideLettersController.java",
			"dk/vaerdig/portal/web/MinSideDownloadController.java", "dk/vaerdig/portal/web/MinSideBookingController.java",
			"dk/vaerdig/portal/web/MinSideCaseworkerController.java", "dk/vaerdig/portal/web/MinSideChoiceController.java",
			"dk/vaerdig/portal/web/MinSideComplaintController.java", "dk/vaerdig/portal/web/MinSideContactController.java",
			"dk/vaerdig/portal/web/MinSidePrepareController.java", "dk/vaerdig/casework/internal/CaseMessages.java",
			"dk/vaerdig/casework/internal/Reminders.java", "dk/vaerdig/surveys/internal/SurveyReminders.java",
			"dk/vaerdig/letters/internal/LetterRouting.java");

	/** Keys that a public page or a sender names but that only staff read. Key and reason. */
	static final Map<String, String> STAFF_ONLY = Map.ofEntries(
			Map.entry("casework.backToCase", "the summary's link back to the case, shown to staff only"),
			Map.entry("casework.changeRequest.agenda", "the agenda of the planned meeting, which the caseworker reads"),
			Map.entry("casework.candidate.changed", "an optimistic-locking message to the caseworker"),
			Map.entry("casework.changeRequest.alreadyPlanned",
					"a message to the member of staff who plans the talk of a wish already planned by another"),
			Map.entry("casework.reassign.unknown", "an error message on the caseworker's reassign form"),
			Map.entry("casework.handover.notYours", "an error message to the caseworker"),
			Map.entry("layout.logout", "shown only to someone logged in (staff)"),
			Map.entry("layout.nav.", "the staff menu, shown only to someone logged in"),
			Map.entry("letters.nav", "the staff menu, shown only to someone logged in"),
			Map.entry("insights.improvements.", "the staff page where \"you said, we did\" items for the lobby are "
					+ "written (the items themselves are staff's own texts, not the product's)"),
			Map.entry("surveys.kiosks.", "the staff page that hands a survey over to a kiosk"),
			Map.entry("insights.dialogue.pastMeeting", "an error message to the staff organising a dialogue meeting"),
			Map.entry("insights.dialogue.isCancelled", "an error message to the staff organising a dialogue meeting"),
			Map.entry("insights.dialogue.conflict", "an optimistic-locking message to the staff organising a meeting"),
			Map.entry("complaints.theme.invalid", "an error message on a staff form that records a theme"));

	/**
	 * Findings the analyser gets wrong: source, the exact text it flagged, the rule, and why it is a false alarm. Each
	 * is a defect of the analyser.
	 */
	static final List<FalseAlarm> FALSE_ALARMS = List.of(); // «herunder» meaning "below" (form.conflict): fixed in issue 14

	record FalseAlarm(String source, String text, Rule rule, String reason) {
	}

	static final Set<Rule> FAILING_RULES = Set.of(Rule.OFFICIALESE, Rule.FORMAL_ADDRESS, Rule.DISEMPOWERING);

	private static final PlainLanguageAnalyser ANALYSER = ShippedDictionary.analyser();

	/** A text a candidate reads: where it comes from, the text, and where its subject line ends (-1: none). */
	record CandidateText(String source, String text, int subjectEnd) {
	}

	@Test
	void everyCandidateFacingTextIsPlainDanish() throws IOException {
		List<String> problems = new ArrayList<>();
		List<String> advice = new ArrayList<>();
		int checked = 0;
		int lixChecked = 0;
		for (CandidateText t : candidateTexts()) {
			checked++;
			Analysis a = ANALYSER.analyse(t.text(), LetterCategory.SYSTEM, t.subjectEnd());
			for (Finding f : a.findings()) {
				if (f.wholeLetter()) {
					continue;
				}
				String flagged = t.text().substring(f.start(), f.end());
				if (!FAILING_RULES.contains(f.rule())) {
					// advice, not a failure (passive voice, hidden verbs, long words and sentences): printed for writers
					advice.add(t.source() + ": " + f.rule() + " «" + flagged + "»");
					continue;
				}
				if (FALSE_ALARMS.stream()
					.anyMatch(x -> x.source().equals(t.source()) && x.text().equals(flagged) && x.rule() == f.rule())) {
					continue;
				}
				problems.add(t.source() + ": " + f.rule() + " «" + flagged + "»"
						+ (f.suggestion() == null ? "" : " → «" + f.suggestion() + "»") + " in: " + oneLine(t.text()));
			}
			if (a.body().words() >= LIX_MIN_WORDS) {
				lixChecked++;
				if (a.body().lix() > Analysis.LIX_TARGET) {
					problems.add(t.source() + ": LIX " + a.body().lixRounded() + " > " + Analysis.LIX_TARGET + " ("
							+ a.body().words() + " words) in: " + oneLine(t.text()));
				}
			}
		}
		for (CandidateText page : publicPageTexts()) {
			Analysis a = ANALYSER.analyse(page.text(), LetterCategory.SYSTEM);
			if (a.stats().words() >= LIX_MIN_WORDS) {
				lixChecked++;
				if (a.stats().lix() > Analysis.LIX_TARGET) {
					problems.add(page.source() + ": LIX " + a.stats().lixRounded() + " > " + Analysis.LIX_TARGET + " ("
							+ a.stats().words() + " words, the page's texts together)");
				}
			}
		}
		advice.forEach(line -> System.out.println("Advice (not failing): " + line));
		System.out.printf("Candidate-facing texts checked: %d, of which %d (with the public pages as wholes) long "
				+ "enough for LIX%n", checked, lixChecked);
		assertThat(checked).as("candidate-facing texts found").isGreaterThan(150);
		assertThat(problems).as("candidate-facing texts that the product's own analyser flags").isEmpty();
	}

	@Test
	void everyLetterTemplateShippedWithTheAppIsChecked() throws IOException {
		Map<String, CandidateText> letters = shippedLetters();
		assertThat(letters.keySet()).as("templates inserted by migrations")
			.contains("letter 1", "letter 2", "letter 3", "letter 4", "letter complaint-received",
					"letter complaint-reassessed", "letter dialogue-invitation", "letter dialogue-changed",
					"letter dialogue-cancelled");
		for (CandidateText letter : letters.values()) {
			assertThat(letter.text()).as(letter.source()).contains("{{").hasSizeGreaterThan(100);
		}
	}

	@Test
	void publicPagesAndSendersNameOnlyClassifiedKeys() throws IOException {
		Properties danish = allDanish();
		List<String> unclassified = new ArrayList<>();
		Pattern literal = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
		Pattern computed = Pattern.compile("#\\{'([a-zA-Z0-9_.]+\\.)'\\s*\\+");
		for (String page : PUBLIC_PAGES) {
			String html = Files.readString(TEMPLATES.resolve(page));
			for (Pattern p : List.of(literal, computed)) {
				Matcher m = p.matcher(html);
				while (m.find()) {
					String key = m.group(1);
					if (!candidateFacing(key) && !staffOnly(key)) {
						unclassified.add(page + ": " + key);
					}
				}
			}
		}
		// "key", and "{key}" as a validation message
		Pattern string = Pattern.compile("\"\\{?([a-z]+\\.[a-zA-Z0-9_.]+)\\}?\"");
		for (String sender : SENDERS) {
			Matcher m = string.matcher(Files.readString(MAIN.resolve(sender)));
			while (m.find()) {
				String key = m.group(1);
				if ((danish.containsKey(key) || key.endsWith(".")) && !candidateFacing(key) && !staffOnly(key)) {
					unclassified.add(sender + ": " + key);
				}
			}
		}
		assertThat(unclassified).as("keys to add to CANDIDATE_PREFIXES or STAFF_ONLY (with the reason)").isEmpty();
		for (String prefix : CANDIDATE_PREFIXES) {
			assertThat(danish.stringPropertyNames().stream().anyMatch(k -> matches(k, prefix)))
				.as("a key under the candidate prefix " + prefix).isTrue();
		}
		for (String key : NOT_TEXT.keySet()) {
			assertThat(danish.containsKey(key)).as("NOT_TEXT key " + key + " exists").isTrue();
		}
	}

	@Test
	void theAnalyserFlagsWhatThisTestGuardsAgainst() {
		// the test would be worthless if the analyser let these pass: one of each failing rule, and a high LIX
		assertThat(rules("Vi skal bede Dem kontakte os.")).contains(Rule.FORMAL_ADDRESS);
		assertThat(rules("Vi har modtaget din henvendelse.")).contains(Rule.OFFICIALESE);
		assertThat(rules("Hvis du ikke kommer, mister du din ydelse.")).contains(Rule.DISEMPOWERING);
		String dense = "Arbejdsmarkedsafdelingens beskæftigelsesindsats omfatter virksomhedsrettede aktiviteter, "
				+ "uddannelsesforløb, sagsbehandlingsprocedurer, koordineringsmøder og opfølgningssamtaler, "
				+ "hvorunder ressourceforløbsydelse, kontanthjælpsmodtagere og integrationsydelsesmodtagere "
				+ "vurderes individuelt, systematisk, tværfagligt og helhedsorienteret i overensstemmelse med gældende "
				+ "lovgivning, administrative retningslinjer og kommunalbestyrelsens beslutninger.";
		Analysis a = ANALYSER.analyse(dense, LetterCategory.SYSTEM);
		assertThat(a.body().words()).isGreaterThanOrEqualTo(LIX_MIN_WORDS);
		assertThat(a.body().lix()).isGreaterThan(Analysis.LIX_TARGET);
	}

	private static Set<Rule> rules(String text) {
		Set<Rule> rules = new TreeSet<>();
		ANALYSER.analyse(text, LetterCategory.SYSTEM).findings().forEach(f -> rules.add(f.rule()));
		return rules;
	}

	static List<CandidateText> candidateTexts() throws IOException {
		List<CandidateText> texts = new ArrayList<>();
		Map<String, String> danish = new TreeMap<>();
		allDanish().forEach((k, v) -> danish.put((String) k, (String) v));
		for (Map.Entry<String, String> e : danish.entrySet()) {
			if (candidateFacing(e.getKey()) && !NOT_TEXT.containsKey(e.getKey())) {
				texts.add(new CandidateText(e.getKey(), bundleText(e.getValue()), -1));
			}
		}
		texts.addAll(shippedLetters().values());
		return texts;
	}

	/**
	 * Each public page as the candidate reads it: the texts of the keys it names literally, in the order it names
	 * them, each a paragraph of its own (a blank line ends a sentence for the analyser, as a heading or a label does
	 * on the page). Computed keys ({@code 'surveys.closed.' + ${state}}) are checked one by one only.
	 */
	static List<CandidateText> publicPageTexts() throws IOException {
		Properties danish = allDanish();
		Pattern literal = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
		List<CandidateText> pages = new ArrayList<>();
		for (String page : PUBLIC_PAGES) {
			Set<String> seen = new java.util.HashSet<>();
			StringBuilder text = new StringBuilder();
			Matcher m = literal.matcher(Files.readString(TEMPLATES.resolve(page)));
			while (m.find()) {
				String key = m.group(1);
				if (candidateFacing(key) && !NOT_TEXT.containsKey(key) && danish.containsKey(key) && seen.add(key)) {
					text.append(bundleText(danish.getProperty(key))).append("\n\n");
				}
			}
			pages.add(new CandidateText("page " + page, text.toString(), -1));
		}
		return pages;
	}

	static boolean candidateFacing(String key) {
		return CANDIDATE_PREFIXES.stream().anyMatch(p -> matches(key, p))
				|| key.startsWith("portal.") && Files.exists(RESOURCES.resolve("i18n/portal.properties"));
	}

	static boolean staffOnly(String key) {
		return STAFF_ONLY.keySet().stream().anyMatch(p -> matches(key, p));
	}

	private static boolean matches(String key, String prefix) {
		return prefix.endsWith(".") ? key.startsWith(prefix) : key.equals(prefix) || key.startsWith(prefix + ".");
	}

	/** A bundle text as the candidate reads it, with MessageFormat arguments as merge fields and no HTML. */
	static String bundleText(String value) {
		return value.replaceAll("\\{\\d+(,[^{}]*(\\{[^{}]*\\}[^{}]*)*)?\\}", "{{felt}}")
			.replace("''", "'")
			.replaceAll("<[^>]+>", "");
	}

	private static final Pattern VERSION_BY_ID = Pattern.compile(
			"\\((\\d+),\\s*(\\d+),\\s*'((?:[^']|'')*)',\\s*\\$\\$(.*?)\\$\\$,\\s*'(\\w+)'", Pattern.DOTALL);

	private static final Pattern VERSION_BY_KEY = Pattern.compile(
			"SELECT id,\\s*(\\d+),\\s*'((?:[^']|'')*)',\\s*\\$\\$(.*?)\\$\\$,\\s*'(\\w+)'[^;]*?WHERE key = '([^']+)'",
			Pattern.DOTALL);

	/** The newest version of each letter template the migrations insert, keyed "letter id" or "letter key". */
	static Map<String, CandidateText> shippedLetters() throws IOException {
		Map<String, Integer> numbers = new LinkedHashMap<>();
		Map<String, CandidateText> letters = new LinkedHashMap<>();
		List<Path> migrations;
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
				.sorted(Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
				.toList();
		}
		for (Path migration : migrations) {
			String sql = Files.readString(migration);
			if (!sql.contains("letter_template_version")) {
				continue;
			}
			Matcher m = VERSION_BY_ID.matcher(sql);
			while (m.find()) {
				keep(numbers, letters, "letter " + m.group(1), Integer.parseInt(m.group(2)), m.group(3), m.group(4));
			}
			m = VERSION_BY_KEY.matcher(sql);
			while (m.find()) {
				keep(numbers, letters, "letter " + m.group(5), Integer.parseInt(m.group(1)), m.group(2), m.group(3));
			}
		}
		return letters;
	}

	private static void keep(Map<String, Integer> numbers, Map<String, CandidateText> letters, String name, int number,
			String subject, String body) {
		if (numbers.getOrDefault(name, 0) > number) {
			return;
		}
		numbers.put(name, number);
		String s = subject.replace("''", "'");
		letters.put(name, new CandidateText(name + " v" + number, s + "\n\n" + body, s.length() + 1));
	}

	static Properties allDanish() throws IOException {
		Properties all = new Properties();
		List<Path> bundles = new ArrayList<>(List.of(RESOURCES.resolve("messages.properties")));
		try (Stream<Path> files = Files.list(RESOURCES.resolve("i18n"))) {
			files.filter(f -> f.toString().endsWith(".properties") && !f.getFileName().toString().contains("_"))
				.sorted()
				.forEach(bundles::add);
		}
		for (Path bundle : bundles) {
			try (InputStream in = Files.newInputStream(bundle)) {
				Properties p = new Properties();
				p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
				all.putAll(p);
			}
		}
		return all;
	}

	private static String oneLine(String text) {
		String s = text.replace('\n', ' ');
		return s.length() > 160 ? s.substring(0, 160) + "…" : s;
	}
}
