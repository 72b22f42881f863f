package dk.vaerdig.insights.internal.goals;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dk.vaerdig.insights.GoalMeasure;

/** The registered set of measures: every {@link GoalMeasure} bean, by code. */
@Component
public class Measures {

	private final List<GoalMeasure> all;

	Measures(List<GoalMeasure> measures) {
		this.all = measures.stream().sorted(Comparator.comparing(GoalMeasure::code)).toList();
		if (all.stream().map(GoalMeasure::code).distinct().count() != all.size()) {
			throw new IllegalStateException("two goal measures share a code");
		}
	}

	public List<GoalMeasure> all() {
		return all;
	}

	public Optional<GoalMeasure> find(String code) {
		return all.stream().filter(m -> m.code().equals(code)).findFirst();
	}
}
