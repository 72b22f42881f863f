package dk.vaerdig.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.support.ReflectivePropertyAccessor;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.thymeleaf.context.IContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.model.ITemplateEnd;
import org.thymeleaf.model.ITemplateStart;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.templateboundaries.AbstractTemplateBoundariesProcessor;
import org.thymeleaf.processor.templateboundaries.ITemplateBoundariesStructureHandler;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Property reads in the pages' expressions ({@code ${line.when}}) resolved once per type and name instead of once per
 * read.
 * <p>
 * Thymeleaf evaluates each page's expressions in a SpEL context of its own ({@link ThymeleafEvaluationContext}, made
 * per request). SpEL remembers the accessor that read a property, but what it remembers for a reflective read is an
 * optimised accessor that is never in the context's list, so every read of every row looked the property up again: the
 * context's accessors asked in turn, Thymeleaf's access check on the type (a stream over the blocked types per read)
 * and a new accessor made. In a profile of the case file that was about a sixth of the request threads' samples.
 * <p>
 * {@link Accessor} stands first in the list and answers a read with what Thymeleaf's own accessor decided for that type
 * and name the first time: it asks that accessor ({@code canRead}, with its access check) once, keeps the optimised
 * accessor SpEL would have made, and answers from it after that. Whatever Thymeleaf forbids or does not read (a
 * forbidden member, a {@link Class}, a map, the context's variables) it leaves to the accessors after it, so they
 * decide and fail as before. {@link Dialect} puts it in front of each page's context when the page starts.
 */
public final class CachedPropertyReads {

	private CachedPropertyReads() {
	}

	/** The accessor shared by all pages; what it learned about a type holds for as long as the type does. */
	public static final Accessor ACCESSOR = new Accessor();

	/** Reads through what Thymeleaf's reflective accessor decided the first time for a type and a property. */
	public static final class Accessor implements PropertyAccessor {

		/** A type and name that this accessor leaves to the others: forbidden, or not a property of the type. */
		private static final PropertyAccessor NOT_MINE = new ReflectivePropertyAccessor(false);

		private final ClassValue<Map<String, PropertyAccessor>> byType = new ClassValue<>() {
			@Override
			protected Map<String, PropertyAccessor> computeValue(Class<?> type) {
				return new ConcurrentHashMap<>();
			}
		};

		private Accessor() {
		}

		@Override
		public Class<?>[] getSpecificTargetClasses() {
			return null;
		}

		@Override
		public boolean canRead(EvaluationContext context, Object target, String name) {
			return reader(context, target, name) != NOT_MINE;
		}

		@Override
		public TypedValue read(EvaluationContext context, Object target, String name) throws AccessException {
			PropertyAccessor reader = reader(context, target, name);
			if (reader == NOT_MINE) {
				// SpEL read through this accessor before, on an object of another type: it asks the others again
				throw new AccessException("Not read here: " + name);
			}
			return reader.read(context, target, name);
		}

		@Override
		public boolean canWrite(EvaluationContext context, Object target, String name) {
			return false;
		}

		@Override
		public void write(EvaluationContext context, Object target, String name, Object newValue)
				throws AccessException {
			throw new AccessException("Pages do not write properties");
		}

		private PropertyAccessor reader(EvaluationContext context, Object target, String name) {
			if (target == null || target instanceof Class || target instanceof Map || target instanceof IContext) {
				return NOT_MINE;
			}
			Map<String, PropertyAccessor> readers = byType.get(target.getClass());
			PropertyAccessor reader = readers.get(name);
			if (reader == null) {
				reader = decide(context, target, name);
				readers.put(name, reader);
			}
			return reader;
		}

		/** What the context's own reflective accessor (Thymeleaf's, with its access check) does with this read. */
		private PropertyAccessor decide(EvaluationContext context, Object target, String name) {
			for (PropertyAccessor other : context.getPropertyAccessors()) {
				if (other instanceof ReflectivePropertyAccessor reflective) {
					try {
						return reflective.canRead(context, target, name)
								? reflective.createOptimalAccessor(context, target, name) : NOT_MINE;
					}
					catch (AccessException | RuntimeException forbidden) {
						return NOT_MINE; // asked again each time, so Thymeleaf's accessor fails as it always did
					}
				}
			}
			return NOT_MINE;
		}
	}

	/** Puts {@link #ACCESSOR} first in the expression context of each page, when the page starts. */
	public static final class Dialect extends AbstractProcessorDialect {

		public Dialect() {
			super("Cached property reads", "vaerdig-reads", 1000);
		}

		@Override
		public Set<IProcessor> getProcessors(String dialectPrefix) {
			return Set.of(new Start(dialectPrefix));
		}
	}

	private static final class Start extends AbstractTemplateBoundariesProcessor {

		Start(String dialectPrefix) {
			super(TemplateMode.HTML, 1000);
		}

		@Override
		public void doProcessTemplateStart(ITemplateContext context, ITemplateStart templateStart,
				ITemplateBoundariesStructureHandler structureHandler) {
			if (context.getVariable(
					ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME) instanceof StandardEvaluationContext spel) {
				List<PropertyAccessor> accessors = spel.getPropertyAccessors();
				if (accessors.isEmpty() || accessors.get(0) != ACCESSOR) {
					List<PropertyAccessor> first = new ArrayList<>(accessors.size() + 1);
					first.add(ACCESSOR);
					first.addAll(accessors);
					spel.setPropertyAccessors(first);
				}
			}
		}

		@Override
		public void doProcessTemplateEnd(ITemplateContext context, ITemplateEnd templateEnd,
				ITemplateBoundariesStructureHandler structureHandler) {
		}
	}
}
