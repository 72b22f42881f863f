package dk.vaerdig.letters.internal;

import java.util.Random;

/** Generated Danish letters for the benchmarks: real-looking sentences (plain and official) in a seeded random order. */
final class DanishCorpus {

	static final String[] SENTENCES = {
			"Kære Anna", "Vi vil gerne tale med dig om dine ønsker og dine næste skridt mod et job.",
			"Mødet er tirsdag den 4. marts kl. 10.30 hos os på Ringstedgade 1.",
			"Hvis tiden ikke passer dig, så ring eller skriv til mig, så finder vi en ny tid sammen.",
			"Undertegnede skal hermed meddele, at De bedes fremsende dokumentation vedrørende Deres formue.",
			"Såfremt dokumentationen ikke modtages inden for fristen, vil der blive truffet afgørelse i henhold til gældende regler.",
			"Kommunen er forpligtet til at foretage en vurdering af sagen, idet der er tale om en ændring af forholdene.",
			"Du får ikke hjælp til transport, fordi du bor 8 km fra kurset, og grænsen er 12 km.",
			"Vi har brugt reglerne i lov om aktiv beskæftigelsesindsats § 82, stk. 2.",
			"Du kan klage til os inden 4 uger fra den dag, du fik dette brev, f.eks. med Digital Post.",
			"Er vi stadig uenige med dig, sender vi din klage videre til Ankestyrelsen.",
			"Der gøres opmærksom på, at borgeren har pligt til at stå til rådighed for arbejdsmarkedet.",
			"Beskæftigelsesindsatsen tilrettelægges med henblik på, at du hurtigst muligt kommer i ordinær beskæftigelse.",
			"Du bliver indkaldt til en samtale, hvor din situation vil blive vurderet.",
			"Hvad sker der nu?", "Herefter laver vi en plan sammen, og du får aftalerne med hjem.",
			"- dit sygesikringskort", "- dit CV og dine eksamensbeviser",
			"Ring til mig på 12 34 56 78 eller skriv til jobcenter@naestved.dk, hvis du har spørgsmål.",
			"Venlig hilsen", "Mette Kjær, jobkonsulent" };

	private DanishCorpus() {
	}

	/** About {@code chars} characters of letters, paragraphs of 2–6 sentences. */
	static String text(int chars, long seed) {
		Random random = new Random(seed);
		StringBuilder out = new StringBuilder(chars + 200);
		while (out.length() < chars) {
			int n = 2 + random.nextInt(5);
			for (int i = 0; i < n; i++) {
				String s = SENTENCES[random.nextInt(SENTENCES.length)];
				out.append(s).append(s.startsWith("-") || !s.endsWith(".") ? "\n" : " ");
			}
			out.append("\n\n");
		}
		return out.toString();
	}

	/** One page: about 2,500 characters (some 350 words). */
	static String onePage(long seed) {
		return text(2_500, seed);
	}
}
