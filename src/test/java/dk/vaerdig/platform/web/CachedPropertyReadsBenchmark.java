package dk.vaerdig.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Issue 16's benchmark, not a test (its name keeps it out of {@code mvn verify}): the rows of a case page's timeline
 * (50 lines) and of a search's result list (25 rows), rendered as their templates do, with a new SpEL context per
 * render as each request has, without and with {@link CachedPropertyReads}, in alternating rounds in one JVM; prints
 * the CPU time per render (the thread's own, so a loaded machine changes it less than wall time). Run it with
 * {@code mvn -B -o test -Dtest=CachedPropertyReadsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.rounds}, default 10, of {@code -Dbench.renders}, default 2,000, each).
 */
class CachedPropertyReadsBenchmark {

	record TimelineLine(java.time.Instant at, String when, String label, String byLine, String text) {
	}

	record Line(long id, String name, String cprMasked, String targetGroupName, String caseworkerName, String teamName,
			String due, boolean overdue) {
	}

	record Page(List<TimelineLine> timeline, List<Line> lines) {
	}

	private static final String TEMPLATE = """
			<ol class="timeline"><li th:each="t : ${page.timeline}">
			<time th:datetime="${t.at}" th:text="${t.when}">tid</time> <strong th:text="${t.label}">type</strong>
			<span th:if="${t.byLine != null}" class="meta" th:text="${t.byLine}">af</span>
			<span th:if="${t.text != null}" class="timeline__text" th:text="${t.text}">tekst</span></li></ol>
			<table><tr th:each="r : ${page.lines}"><td th:text="${r.name}">Navn</td><td th:text="${r.cprMasked}">cpr</td>
			<td th:text="${r.targetGroupName}">g</td><td th:text="${r.caseworkerName}">n</td><td th:text="${r.teamName}">t</td>
			<td><span th:text="${r.due}">d</span><span th:if="${r.overdue}" class="badge">!</span></td></tr></table>""";

	@Test
	void renderRows() {
		int rounds = Integer.getInteger("bench.rounds", 10);
		int renders = Integer.getInteger("bench.renders", 2000);
		GenericApplicationContext app = new GenericApplicationContext();
		app.refresh();
		Page page = new Page(IntStream.range(0, 50)
			.mapToObj(i -> new TimelineLine(java.time.Instant.ofEpochSecond(1_760_000_000L + i * 3600L), "01-10-2026 10:00",
					"Samtale holdt", i % 3 == 0 ? null : "af Mette Kjær (sagsbehandler)", i % 2 == 0 ? "Et notat " + i : null))
			.toList(),
				IntStream.range(0, 25)
					.mapToObj(i -> new Line(i, "Hansen, Anne " + i, "010190-xxxx", "Jobparate", "Mette Kjær", "Team Job",
							"01-12-2026", i % 4 == 0))
					.toList());
		SpringTemplateEngine plain = engine(false);
		SpringTemplateEngine cached = engine(true);
		assertThat(render(cached, app, page)).isEqualTo(render(plain, app, page));
		ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
		long[] total = new long[2];
		for (int round = 0; round < rounds; round++) {
			for (int which = 0; which < 2; which++) {
				SpringTemplateEngine engine = which == 0 ? plain : cached;
				long t0 = cpu.getCurrentThreadCpuTime();
				for (int i = 0; i < renders; i++) {
					render(engine, app, page);
				}
				long ns = cpu.getCurrentThreadCpuTime() - t0;
				if (round >= rounds / 2) { // the first half warms the JIT
					total[which] += ns;
				}
				System.out.printf("round %d %-26s %8.1f µs CPU per render%n", round,
						which == 0 ? "Thymeleaf's accessors" : "with CachedPropertyReads", ns / 1000.0 / renders);
			}
		}
		System.out.printf("second half: %.1f µs -> %.1f µs CPU per render (%.0f %%)%n",
				total[0] / 1000.0 / renders / (rounds - rounds / 2), total[1] / 1000.0 / renders / (rounds - rounds / 2),
				100.0 * total[1] / total[0]);
	}

	private static SpringTemplateEngine engine(boolean cachedReads) {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		StringTemplateResolver resolver = new StringTemplateResolver();
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCacheable(true);
		engine.setTemplateResolver(resolver);
		if (cachedReads) {
			engine.addDialect(new CachedPropertyReads.Dialect());
		}
		return engine;
	}

	private static String render(SpringTemplateEngine engine, GenericApplicationContext app, Page page) {
		Context context = new Context();
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(app, null));
		context.setVariable("page", page);
		return engine.process(TEMPLATE, context);
	}
}
