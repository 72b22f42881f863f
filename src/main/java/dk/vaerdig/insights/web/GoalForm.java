package dk.vaerdig.insights.web;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dk.vaerdig.insights.internal.goals.YearlyGoals.Direction;
import dk.vaerdig.insights.internal.goals.YearlyGoals.Terms;
import dk.vaerdig.platform.FieldLabel;

/** A yearly goal as a manager writes it; {@code requestId} makes a second submit harmless, {@code version} locks. */
record GoalForm(@FieldLabel("insights.goals.year") @NotNull(message = "{form.required}")
		@Min(value = 2000, message = "{insights.goals.badYear}") @Max(value = 2200, message = "{insights.goals.badYear}") Integer year,
		@FieldLabel("insights.goals.goalTitle") @NotBlank(message = "{form.required}")
		@Size(max = 200, message = "{form.tooLong}") String title,
		@FieldLabel("insights.goals.measure") @NotBlank(message = "{form.required}") String measureCode,
		@FieldLabel("insights.goals.target") @NotBlank(message = "{insights.goals.badTarget}")
		@Pattern(regexp = "\\s*\\d{1,5}([.,]\\d{1,2})?\\s*", message = "{insights.goals.badTarget}") String target,
		@FieldLabel("insights.goals.direction") @NotNull(message = "{form.required}") Direction direction,
		@FieldLabel("insights.goals.owner") @NotBlank(message = "{form.required}")
		@Size(max = 200, message = "{form.tooLong}") String owner,
		UUID requestId, Integer version) {

	/** The target as a number ("2,5" or "2.5"), or null if it is not one. */
	BigDecimal targetValue() {
		if (target == null || !target.strip().matches("\\d{1,5}([.,]\\d{1,2})?")) {
			return null;
		}
		return new BigDecimal(target.strip().replace(',', '.'));
	}

	Terms terms() {
		return new Terms(year, title, measureCode, targetValue(), direction, owner);
	}
}
