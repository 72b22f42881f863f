package dk.vaerdig.letters.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.languagetool.JLanguageTool;
import org.languagetool.language.Danish;
import org.languagetool.rules.RuleMatch;
import org.languagetool.rules.spelling.SpellingCheckRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dk.vaerdig.letters.LetterSettings;

/**
 * Spelling and grammar by LanguageTool's Danish module (Hunspell and a few grammar rules), a separate step after the
 * plain-language rules. Its instances are built and warmed in the background when the app is ready, so start-up does
 * not wait (the first check loads the dictionary, about a second); until then {@link #check} returns nothing and says
 * so. Each check is bounded: at most {@code spellingMaxChars} characters and {@code spellingTimeout}.
 */
@Component
public class SpellChecker implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SpellChecker.class);

	private final LetterSettings settings;

	private final BlockingQueue<JLanguageTool> pool;

	private final ExecutorService executor;

	private volatile boolean ready;

	public SpellChecker(LetterSettings settings) {
		this.settings = settings;
		this.pool = new ArrayBlockingQueue<>(Math.max(1, settings.spellingInstances()));
		this.executor = Executors.newFixedThreadPool(Math.max(1, settings.spellingInstances()), r -> {
			Thread t = new Thread(r, "letters-spelling");
			t.setDaemon(true);
			return t;
		});
	}

	@EventListener(ApplicationReadyEvent.class)
	public void warmInBackground() {
		if (!settings.languageTool()) {
			return;
		}
		Thread warm = new Thread(this::warm, "letters-spelling-warm-up");
		warm.setDaemon(true);
		warm.start();
	}

	/** Builds the instances and runs a first check on each; blocks until done (the app calls it in the background). */
	public void warm() {
		try {
			long started = System.nanoTime();
			while (pool.remainingCapacity() > 0) {
				Danish danish = new Danish();
				JLanguageTool tool = new JLanguageTool(danish);
				tool.disableRule(org.languagetool.rules.spelling.hunspell.HunspellRule.RULE_ID);
				tool.addRule(new BudgetedSpellingRule(danish));
				BudgetedSpellingRule.resetBudget();
				tool.check("Vi ses på tirsdag, og du er velkommen til at ringe.");
				pool.add(tool);
			}
			ready = true;
			log.info("LanguageTool (Danish) warm in {} ms", (System.nanoTime() - started) / 1_000_000);
		}
		catch (Exception | LinkageError e) {
			log.warn("LanguageTool could not start; letters are analysed without spelling: {}", e.toString());
		}
	}

	public boolean ready() {
		return ready;
	}

	/** Spelling and grammar findings with positions in {@code text}; empty when not ready or on time-out. */
	public List<Finding> check(String text) {
		if (!ready || text == null || text.isBlank()) {
			return List.of();
		}
		String checked = text;
		if (text.length() > settings.spellingMaxChars()) {
			// cut at a space, so no half word is reported as misspelt
			int cut = text.lastIndexOf(' ', settings.spellingMaxChars());
			checked = text.substring(0, cut > 0 ? cut : settings.spellingMaxChars());
		}
		String finalText = checked;
		Future<List<RuleMatch>> future = executor.submit(() -> {
			JLanguageTool tool = pool.take();
			try {
				BudgetedSpellingRule.resetBudget();
				return tool.check(finalText);
			}
			finally {
				pool.add(tool);
			}
		});
		try {
			return toFindings(finalText, future.get(settings.spellingTimeout().toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			future.cancel(true);
			return List.of();
		}
		catch (Exception e) {
			future.cancel(true);
			log.debug("Spelling check gave up: {}", e.toString());
			return List.of();
		}
	}

	private static List<Finding> toFindings(String text, List<RuleMatch> matches) {
		List<Finding> findings = new ArrayList<>(matches.size());
		for (RuleMatch m : matches) {
			int start = Math.max(0, Math.min(m.getFromPos(), text.length()));
			int end = Math.max(start, Math.min(m.getToPos(), text.length()));
			boolean spelling = m.getRule() instanceof SpellingCheckRule;
			Rule rule = spelling ? Rule.SPELLING : Rule.GRAMMAR;
			String suggestion = m.getSuggestedReplacements().isEmpty() ? null : m.getSuggestedReplacements().get(0);
			String message = m.getShortMessage() == null || m.getShortMessage().isBlank() ? m.getMessage() : m.getShortMessage();
			findings.add(new Finding(rule, start, end, "letters.rule." + rule.id(), List.of(text.substring(start, end)),
					plain(message), suggestion));
		}
		return findings;
	}

	/** LanguageTool marks suggestions up as &lt;suggestion&gt;; we show plain text. */
	private static String plain(String message) {
		return message == null ? null : message.replace("<suggestion>", "»").replace("</suggestion>", "«");
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}
}
