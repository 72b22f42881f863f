package dk.vaerdig.letters.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds out what a letter is from what it says, sentence by sentence, not from a single word:
 * <ul>
 * <li><b>decision</b>: a sentence states what is decided, as a fact and not as a possibility ("Vi har derfor
 * besluttet …", "Du får ikke kontanthjælp", "Du skal betale 4.000 kr. tilbage", "Din ydelse stopper den 1. maj"); a
 * sentence with "hvis", "overvejer", "forventer", "inden vi" … only announces or threatens one. A subject line such as
 * "Afgørelse om …" or complaint guidance about "afgørelsen" counts when nothing else says what the letter is;</li>
 * <li><b>consultation</b> (partshøring): the letter asks for the reader's comments and says which decision is
 * planned, or names itself a partshøring; it wins over a decision statement when the letter has no complaint
 * guidance (a consultation letter tells what the decision would be);</li>
 * <li><b>invitation</b>: a meeting is called with a day or time ("Vi inviterer dig til en samtale tirsdag den 4. marts
 * kl. 10");</li>
 * <li><b>receipt</b>: "Vi har modtaget din ansøgning", "Vi forventer at kunne træffe afgørelse inden for 4 uger";</li>
 * <li><b>information</b> otherwise.</li>
 * </ul>
 * Each pattern is tried only on sentences holding one of its key words (a substring test), so the detector costs
 * little beside the word rules.
 */
public final class LetterKinds {

	/** What the detector found, and the sentence that decided it (offsets in the text; -1 when there is none). */
	public record Detection(LetterCategory kind, int evidenceStart, int evidenceEnd) {

		static Detection of(LetterCategory kind, LetterText lt, int sentence) {
			return sentence < 0 ? new Detection(kind, -1, -1)
					: new Detection(kind, lt.starts[sentence], lt.ends[sentence]);
		}

		public boolean hasEvidence() {
			return evidenceStart >= 0;
		}
	}

	static final String L = "\\p{L}";

	static final String WORD = "[\\p{L}\\d.,/-]+";

	static final String ACTOR = "(?:vi|jeg|kommunen|jobcent(?:e|re)t|jobcenteret|[\\p{L}-]+ kommune|ydelseskontoret|afdelingen|ydelsesservice|udbetaling danmark)";

	static final String ADVERBS = "(?: (?:derfor|nu|i dag|hermed|også|således|endeligt|efterfølgende|samtidig|den \\d{1,2}\\. ?" + L + "+(?: \\d{4})?))*";

	static final String DECIDED = "(?:besluttet|afgjort|bevilget|bevilliget|godkendt|afvist|afslået|givet dig (?:et )?afslag|stoppet|standset|nedsat|sat (?:din |dit |dine )?[\\p{L}-]* ?ned|truffet (?:en |følgende )?afgørelse|tilkendt|frakendt|trukket|forlænget|ophævet|fritaget dig)";

	static final String BENEFIT = "(?:[\\p{L}-]*(?:ydelse|hjælp|dagpenge|kontanthjælp|tilskud|støtte|pension|forløb|revalidering|fleksjob|godtgørelse|refusion|tillæg|bevilling|mentor|befordring)[\\p{L}]*|\\d[\\d.]* kr\\.?|et beløb)";

	static final String BENEFIT_STRICT = "(?:[\\p{L}-]*(?:ydelse|dagpenge|kontanthjælp|uddannelseshjælp|tilskud|pension|revalidering|fleksjob|godtgørelse|refusion|tillæg|bevilling|mentorstøtte|befordring)[\\p{L}]*|ressourceforløb|jobafklaringsforløb|hjælp til (?:forsørgelse|transport|befordring|medicin|tandbehandling|flytning|udgifter|\\d)|\\d[\\d.]* kr\\.?|et beløb)";

	/** A statement of what is decided (tried on sentences without a hedge). */
	static final Pattern DECISION = Pattern.compile(String.join("|",
			"\\b" + ACTOR + " har" + ADVERBS + " " + DECIDED,
			"\\bhar (?:vi|jeg|kommunen|jobcent(?:e|re)t|jobcenteret)" + ADVERBS + " " + DECIDED,
			"\\b(?:er|blev|bliver) der (?:nu |derfor )?truffet (?:en )?afgørelse",
			"\\bder er (?:nu |derfor )?truffet (?:en )?afgørelse",
			"\\bafgørelsen er(?: derfor)?,? at\\b",
			"\\bvi (?:træffer|har truffet) (?:derfor )?(?:følgende |denne )?afgørelse",
			"\\bdu (?:får|har fået|modtager)(?: derfor| nu| ikke| fortsat| også)* (?:et )?(?:afslag|bevilget|bevilliget|tilkendt|en bevilling)",
			"\\bdu (?:får|har fået|modtager)(?: derfor| nu| ikke| fortsat| også| længere| ikke længere)* (?:[\\p{L}-]+ )?" + BENEFIT_STRICT,
			"\\bdu mister (?:din|dit|dine|retten|ret)\\b",
			"\\bdu (?:skal|må)(?: derfor| nu| også)* (?:tilbagebetale|betale (?:[^ ]+ ){0,5}tilbage)",
			"\\b(?:din|dit|dine) (?:[\\p{L}-]+ )?" + BENEFIT + " (?:(?:bliver|er|vil blive) (?:derfor |nu )?(?:stoppet|standset|nedsat|sat ned|trukket|bevilget|bevilliget|godkendt|forlænget|ophævet|ophørt)|(?:stopper|ophører|bortfalder|standses|stoppes|nedsættes|sættes ned|forlænges))",
			"\\bvi (?:stopper|standser|nedsætter|trækker|bevilger|bevilliger|afviser|afslår|tilkender|fratager|forlænger|ophæver|sætter (?:din|dit|dine) [\\p{L}-]+ ned)\\b",
			"\\bdu (?:har|er)(?: derfor| fortsat| ikke| længere| nu)* (?:ret til|berettiget til|omfattet af) (?:[\\p{L}-]+ )?" + BENEFIT,
			"\\b(?:din|dit) (?:ansøgning|anmodning)(?: om [\\p{L}-]+(?: [\\p{L}-]+)?)? (?:er|bliver) (?:derfor )?(?:ikke )?(?:godkendt|afvist|imødekommet|bevilget|bevilliget|afslået)",
			"\\bvi kan (?:derfor )?ikke (?:bevilge|bevillige|godkende|give dig (?:ret|tilladelse|tilskud|hjælp))",
			"\\bdu bliver (?:derfor )?(?:sanktioneret|trukket)",
			"\\bvi har (?:derfor )?vurderet, at du (?:ikke )?(?:har ret|er berettiget|skal|er omfattet|kan få|opfylder|er (?:jobparat|aktivitetsparat|uddannelsesparat|jobklar|uddannelsesklar))",
			"\\bdu (?:er|bliver|er blevet) (?:nu |derfor )?(?:visiteret|godkendt til|tilkendt|vurderet (?:jobparat|aktivitetsparat|uddannelsesparat)|fritaget)",
			"\\bdin ret til (?:[\\p{L}-]+ ){1,2}(?:ophører|bortfalder|stopper|er ophørt)",
			"\\bvi (?:giver|har givet) dig (?:et )?afslag",
			"\\bvi kan (?:derfor )?(?:bevilge|bevillige|godkende)\\b",
			"\\bvi har (?:derfor )?ikke mulighed for at (?:bevilge|bevillige|godkende|give dig)",
			"\\b(?:vores|kommunens|jobcentrets) afgørelse(?: er)?:"));

	static final String[] DECISION_KEYS = { "besl", "afgør", "afgjort", "bevil", "godkend", "afvis", "afsl", "stop",
			"stand", "nedsat", "nedsæt", "ned", "trukket", "træk", "tilkend", "frakend", "mist", "tilbage", "ophør",
			"bortfald", "ret til", "berettig", "omfattet", "sanktion", "vurderet", "visiteret", "fritag", "får", "fået",
			"modtager", "forlæng", "ophæv", "giver dig", "givet dig", "kan bevil", "kan godkend", "mulighed for at", "afgørelse" };

	/** Words that make a decision a possibility, a plan or a threat rather than a fact. */
	static final Pattern HEDGE = Pattern.compile(
			"\\b(?:hvis|såfremt|overvej|påtænk|forvent|planlæg|risikerer|vil kunne|kunne blive|muligvis|eventuelt|agter|hvornår|medmindre|med mindre|i så fald|i givet fald|hvorvidt)"
					+ "|\\b(?:inden|før) vi\\b|\\bkan (?:blive|betyde|medføre|føre|få)\\b|\\bvil vi\\b|\\bvi vil (?:derfor )?(?:træffe|beslutte|stoppe|nedsætte|kræve)");

	private static final Pattern REASON_BETWEEN = Pattern.compile("\\bfordi\\b|\\bidet\\b|, da\\b|\\bkun\\b|\\bnår\\b");

	/**
	 * Whether the decision stated from {@code start} to {@code end} in the sentence is hedged: a question; a
	 * condition, plan or possibility before it ("Hvis du ikke møder op, mister du …", "Vi overvejer at …") or after it
	 * with no reason in between ("Din ydelse stopper, hvis du …"); a condition inside the reason does not count ("Du
	 * får ikke hjælp, fordi du kun kan få hjælp, hvis …").
	 */
	static boolean hedged(String s, int start, int end) {
		if (s.endsWith("?")) {
			return true;
		}
		if (!has(s, HEDGE_KEYS)) {
			return false;
		}
		Matcher h = HEDGE.matcher(s);
		while (h.find()) {
			if (h.start() < end || !REASON_BETWEEN.matcher(s.substring(end, h.start())).find()) {
				return true;
			}
		}
		return false;
	}

	/** A subject line or heading that names a decision. */
	static final Pattern DECISION_HEADING = Pattern.compile(
			"^(?:emne: |vedr\\.:? |om: )?(?:afgørelse|afslag|bevilling|sanktion|tilbagebetaling|nedsættelse|stop af|standsning|ophør)\\b");

	static final Pattern COMPLAINT_ABOUT_DECISION = Pattern.compile(
			"\\b(?:du kan klage over|hvis du (?:vil klage over|er uenig i)|klage over) (?:denne |vores |vores |kommunens |jobcentrets )?afgørelse|\\bklagevejledning\\b");

	/** The reader is asked for comments on the facts or the planned decision. */
	static final Pattern REPLY_REQUEST = Pattern.compile(
			"\\b(?:bemærkninger|kommentarer|kommentere|udtale dig|sige din mening|din mening|indsigelse|indsigelser|din side af sagen|er uenig i oplysningerne|oplysningerne er (?:forkerte|ikke rigtige|ikke korrekte)|noget er forkert|har du noget at tilføje|vil du (?:kommentere|sige noget)|høre (?:din mening|dig|fra dig),? (?:om|inden|før)|udtale dig|komme med (?:dine )?(?:bemærkninger|kommentarer|indsigelser))");

	/** A planned decision, as a consultation letter states it. */
	static final Pattern PLANNED = Pattern.compile(
			"\\b(?:overvej|påtænk|agter at)|\\bforvent(?:er)? at (?:træffe|beslutte|stoppe|nedsætte|kræve|give dig afslag)|\\b(?:inden|før) vi (?:træffer|beslutter|tager stilling|afgør)|\\bvi vil (?:derfor )?(?:træffe|beslutte|stoppe|nedsætte|kræve)|\\bkan (?:betyde|føre til|medføre), at|\\bforslag til afgørelse");

	static final Pattern RECEIPT = Pattern.compile(
			"\\bvi har (?:nu |i dag )?modtaget (?:din|dit|dine|jeres|en|et) |\\btak for (?:din|dit|dine|jeres) |\\bkvittering\\b|\\bforvent(?:er|ede)? at (?:kunne )?(?:træffe (?:en )?afgørelse|behandle|svare|give dig (?:svar|besked|en afgørelse)|være færdig|have behandlet)|\\bsagsbehandlingstid"
					+ "|\\b(?:vi )?(?:behandler|går i gang med at behandle|er i gang med at behandle) (?:din|dit|dine)|\\bdu (?:hører|får svar|får besked|får en afgørelse) fra os (?:inden|senest|når|så hurtigt)|\\b(?:din|dit) (?:ansøgning|klage|henvendelse|sag|anmodning) (?:er|bliver) (?:nu )?(?:under behandling|registreret|modtaget|sendt videre)|\\bvi har (?:nu )?registreret (?:din|dit|dine) ");

	static final Pattern MEETING = Pattern.compile(
			"(?:samtale|møde(?:t|r)?\\b|workshop|jobdating|jobmesse|introduktion|kursusdag|opstart|informationsmøde|café|cafe|arrangement)");

	static final Pattern INVITE = Pattern.compile(
			"\\b(?:invitere|inviterer|inviteres|inviteret|indkalde|indkalder|indkaldt|invitation|indkaldelse|mød op|møde op|kom til|komme til|vi ses|velkommen til|deltage i|skal til|glæder (?:os|mig) til at (?:se|møde|tale med) dig|gerne tale med dig|vil gerne mødes|møde til|møde hos|mød til|mød hos|du skal møde|vi har booket|har booket en tid|påmindelse|husk din (?:samtale|aftale|tid))");

	/** A day, a date or a time of day. */
	static final Pattern TIME = Pattern.compile(
			"\\bkl\\.? ?\\d|\\bklokken \\d|\\b\\d{1,2}[.:]\\d{2}\\b|\\b(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\\b|\\bden \\d{1,2}\\. ?(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)\\b|\\b\\d{1,2}/\\d{1,2}\\b|\\b\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}\\b");

	/** How many sentences apart a meeting and its day or time may stand ("Tid:" on a line of its own is one). */
	static final int MEETING_TIME_DISTANCE = 3;

	private LetterKinds() {
	}

	/** The kind of the letter, from its content. */
	public static Detection detect(String text) {
		return detect(LetterText.of(text == null ? "" : text, Tokenizer.tokenize(text)));
	}

	static Detection detect(LetterText lt) {
		int decision = -1;
		int weakDecision = -1;
		int reply = -1;
		int planned = -1;
		int plannedExplicit = -1;
		int receipt = -1;
		int invitation = -1;
		boolean partshoring = false;
		int partshoringAt = -1;
		boolean complaint = false;
		boolean inviteWord = false;
		int meetingWithTime = -1;
		int previousMeeting = -10;
		int previousTime = -10;
		for (int i = 0; i < lt.size(); i++) {
			String s = lt.sentence(i);
			// once a decision is stated, a hedged one no longer matters (see below): stop looking
			Matcher dm = decision < 0 && has(s, DECISION_KEYS) ? DECISION.matcher(s) : null;
			boolean decides = dm != null && dm.find();
			boolean hedged = decides && hedged(s, dm.start(), dm.end());
			if (decides && !hedged && decision < 0) {
				decision = i;
			}
			if (decides && hedged && planned < 0) {
				planned = i;
			}
			if (weakDecision < 0 && ((lt.heading[i] && DECISION_HEADING.matcher(s).find())
					|| (s.contains("afgørelse") || s.contains("klagevejledning")) && COMPLAINT_ABOUT_DECISION.matcher(s).find())) {
				weakDecision = i;
			}
			if (s.contains("klag")) {
				complaint = true;
			}
			// "partshøring" names this letter, not an earlier one ("Vi har partshørt dig", "vores brev om partshøring
			// den 3. marts", "den partshøring, vi sendte")
			if (s.contains("partshør") && !s.contains("partshørt") && !s.contains("sendte") && !s.contains("tidligere")
					&& !s.contains("sendt dig") && !s.contains("brev om partshøring")) {
				partshoring = true;
				if (partshoringAt < 0) {
					partshoringAt = i;
				}
			}
			if (reply < 0 && has(s, REPLY_KEYS) && REPLY_REQUEST.matcher(s).find()) {
				reply = i;
			}
			if (plannedExplicit < 0 && has(s, PLANNED_KEYS) && PLANNED.matcher(s).find()) {
				plannedExplicit = i;
				if (planned < 0) {
					planned = i;
				}
			}
			if (receipt < 0 && has(s, RECEIPT_KEYS) && RECEIPT.matcher(s).find()) {
				receipt = i;
			}
			boolean looking = meetingWithTime < 0 || invitation < 0;
			boolean meeting = looking && meeting(s);
			boolean time = meetingWithTime < 0 && time(s);
			if ((!inviteWord || (meeting && invitation < 0)) && has(s, INVITE_KEYS) && INVITE.matcher(s).find()) {
				inviteWord = true;
				if (meeting && invitation < 0) {
					invitation = i;
				}
			}
			if (meeting) {
				previousMeeting = i;
			}
			if (time) {
				previousTime = i;
			}
			if (meetingWithTime < 0 && Math.abs(previousMeeting - previousTime) <= MEETING_TIME_DISTANCE && (meeting || time)) {
				meetingWithTime = i;
			}
			if (decision >= 0 && complaint) {
				break; // a stated decision with complaint guidance: a decision, whatever else the letter says
			}
		}
		boolean consultation = partshoring || (reply >= 0 && planned >= 0);
		// a stated decision makes a decision letter, unless the letter is plainly a consultation about it: it names
		// itself a partshøring or asks for comments on a decision it says is planned, and has no complaint guidance
		boolean plainlyConsultation = (partshoring || (reply >= 0 && plannedExplicit >= 0)) && !complaint;
		if (decision >= 0 && !plainlyConsultation) {
			return Detection.of(LetterCategory.DECISION, lt, decision);
		}
		if (consultation) {
			return Detection.of(LetterCategory.CONSULTATION, lt, partshoring && partshoringAt >= 0 ? partshoringAt : planned);
		}
		if (meetingWithTime >= 0 && (invitation >= 0 || inviteWord)) {
			return Detection.of(LetterCategory.INVITATION, lt, invitation >= 0 ? invitation : meetingWithTime);
		}
		if (receipt >= 0) {
			return Detection.of(LetterCategory.RECEIPT, lt, receipt);
		}
		if (weakDecision >= 0) {
			return Detection.of(LetterCategory.DECISION, lt, weakDecision);
		}
		if (invitation >= 0) {
			return Detection.of(LetterCategory.INVITATION, lt, invitation);
		}
		return Detection.of(LetterCategory.INFORMATION, lt, -1);
	}

	static final String[] HEDGE_KEYS = { "hvis", "såfremt", "overvej", "påtænk", "forvent", "planlæg", "risiker",
			"kunne", "muligvis", "eventuelt", "agter", "hvornår", "medmindre", "mindre", "så fald", "givet fald",
			"hvorvidt", "inden vi", "før vi", "vil vi", "vi vil", "kan " };

	static final String[] REPLY_KEYS = { "bemærk", "komment", "sige noget", "udtal", "mening", "indsigelse", "side af sagen", "uenig",
			"forkert", "ikke rigtige", "ikke korrekte", "tilføje", "høre" };

	static final String[] PLANNED_KEYS = { "overvej", "påtænk", "agter", "forvent", "inden vi", "før vi", "vi vil",
			"kan betyde", "kan føre", "kan medføre", "forslag til afgørelse" };

	static final String[] RECEIPT_KEYS = { "modtaget", "tak for", "kvittering", "forvent", "sagsbehandlingstid",
			"behandle", "fra os", "under behandling", "registreret", "sendt videre" };

	static final String[] MEETING_KEYS = { "samtale", "møde", "workshop", "jobdating", "jobmesse", "introduktion",
			"kursusdag", "opstart", "café", "cafe", "arrangement" };

	static final String[] INVITE_KEYS = { "invit", "indkald", "mød", "kom til", "komme til", "vi ses", "velkommen til",
			"deltage i", "skal til", "glæder", "gerne tale", "påmindelse", "husk din", "booke" };

	/** Whether the sentence names a meeting. */
	static boolean meeting(String s) {
		return has(s, MEETING_KEYS) && MEETING.matcher(s).find();
	}

	/** Whether the sentence names a day, a date or a time of day. */
	static boolean time(String s) {
		boolean digit = false;
		for (int i = 0; i < s.length(); i++) {
			if (Character.isDigit(s.charAt(i))) {
				digit = true;
				break;
			}
		}
		return (digit || s.contains("dag")) && TIME.matcher(s).find();
	}

	/** Whether the sentence holds one of the keys (a cheap test before a pattern). */
	static boolean has(String s, String[] keys) {
		for (String k : keys) {
			if (s.contains(k)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The category the checks use: the writer's choice, except that {@link LetterCategory#SYSTEM} ("find out") uses the
	 * detected kind, and a letter called information that states a decision is checked as the decision it is.
	 */
	public static LetterCategory effective(LetterCategory chosen, LetterCategory detected) {
		if (chosen == null || chosen == LetterCategory.SYSTEM) {
			return detected;
		}
		if (chosen == LetterCategory.INFORMATION && detected == LetterCategory.DECISION) {
			return LetterCategory.DECISION;
		}
		return chosen;
	}
}
