package dk.vaerdig.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** The pages' property reads through {@link CachedPropertyReads}: the same values, the same refusals. */
class CachedPropertyReadsTest {

	record Line(String when, String label) {
	}

	record Other(String label) {
	}

	public static class Bean {

		public String getWhen() {
			return "bean time";
		}

		public boolean isOverdue() {
			return true;
		}
	}

	private static ThymeleafEvaluationContext context() {
		GenericApplicationContext app = new GenericApplicationContext();
		app.refresh();
		return new ThymeleafEvaluationContext(app, null);
	}

	private static ThymeleafEvaluationContext cached() {
		ThymeleafEvaluationContext context = context();
		java.util.List<org.springframework.expression.PropertyAccessor> accessors = new java.util.ArrayList<>();
		accessors.add(CachedPropertyReads.ACCESSOR);
		accessors.addAll(context.getPropertyAccessors());
		context.setPropertyAccessors(accessors);
		return context;
	}

	@Test
	void readsRecordComponentsGettersAndBooleansAsThymeleafDoes() {
		SpelExpressionParser parser = new SpelExpressionParser();
		for (int round = 0; round < 3; round++) { // the second and third reads go through the remembered accessor
			assertThat(parser.parseExpression("when").getValue(cached(), new Line("01-02-2026 10:00", "Samtale")))
				.isEqualTo("01-02-2026 10:00");
			assertThat(parser.parseExpression("when").getValue(cached(), new Bean())).isEqualTo("bean time");
			assertThat(parser.parseExpression("overdue").getValue(cached(), new Bean())).isEqualTo(true);
		}
	}

	@Test
	void oneExpressionOverObjectsOfSeveralTypesReadsEachTypesOwnProperty() {
		Expression label = new SpelExpressionParser().parseExpression("label");
		ThymeleafEvaluationContext context = cached();
		assertThat(label.getValue(context, new Line("x", "a line"))).isEqualTo("a line");
		assertThat(label.getValue(context, new Other("other"))).isEqualTo("other");
		assertThat(label.getValue(context, Map.of("label", "from a map"))).isEqualTo("from a map");
		assertThat(label.getValue(context, new Line("y", "again"))).isEqualTo("again");
		// a type without the property fails as it does without the cache
		assertThatThrownBy(() -> label.getValue(context, new Bean())).isInstanceOf(EvaluationException.class);
	}

	@Test
	void whatThymeleafForbidsStaysForbidden() {
		Thread thread = new Thread(() -> {
		}, "a thread");
		SpelExpressionParser parser = new SpelExpressionParser();
		assertThatThrownBy(() -> parser.parseExpression("name").getValue(context(), thread))
			.isInstanceOf(EvaluationException.class)
			.hasMessageContaining("forbidden");
		for (int round = 0; round < 2; round++) {
			assertThatThrownBy(() -> parser.parseExpression("name").getValue(cached(), thread))
				.isInstanceOf(EvaluationException.class)
				.hasMessageContaining("forbidden");
		}
	}

	@Test
	void theDialectPutsTheAccessorFirstInAPagesContextOnce() {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(new StringTemplateResolver());
		((StringTemplateResolver) engine.getTemplateResolvers().iterator().next()).setTemplateMode(TemplateMode.HTML);
		engine.addDialect(new CachedPropertyReads.Dialect());
		ThymeleafEvaluationContext spel = context();
		int before = spel.getPropertyAccessors().size();
		Context page = new Context();
		page.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, spel);
		page.setVariable("lines", java.util.List.of(new Line("10:00", "Samtale"), new Line("11:00", "Notat")));
		String html = engine.process("<ol><li th:each=\"l : ${lines}\" th:text=\"${l.when + ' ' + l.label}\">x</li></ol>",
				page);
		assertThat(html).isEqualTo("<ol><li>10:00 Samtale</li><li>11:00 Notat</li></ol>");
		assertThat(spel.getPropertyAccessors()).hasSize(before + 1).first().isSameAs(CachedPropertyReads.ACCESSOR);
		engine.process("<p th:text=\"${lines[0].label}\">x</p>", page);
		assertThat(spel.getPropertyAccessors()).hasSize(before + 1);
	}
}
