package dk.vaerdig.access.web;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.Retention;
import dk.vaerdig.access.RetentionRule;
import dk.vaerdig.platform.PlatformSettings;

/**
 * The dry run of retention for administrators: per kind of record the rule in force, how many records would be
 * deleted or anonymised if the job ran now, and the oldest of them; the dated rules; the last run. It shows counts
 * only, never a record, so nothing here is written to the audit log.
 */
@Controller
@NoPersonalData("counts and dates per kind of record, never a record")
@RequestMapping("/admin/retention")
class RetentionController {

	private final Retention retention;

	private final MessageSource messages;

	private final ZoneId zone;

	RetentionController(Retention retention, MessageSource messages, PlatformSettings settings) {
		this.retention = retention;
		this.messages = messages;
		this.zone = settings.zone();
	}

	@GetMapping
	String dryRun(Model model, Locale locale) {
		LocalDate today = retention.today();
		List<KindRow> kinds = retention.dryRun(today)
			.stream()
			.map(p -> new KindRow(p.kind(), p.action().name(), p.enforced(), p.rule() == null ? null
					: period(p.rule().keepFor(), locale), p.rule() == null ? null : p.rule().legalBasis(),
					p.rule() == null ? null : p.rule().validFrom(), p.cutoff(), p.count(), p.oldest()))
			.toList();
		List<RuleRow> rules = new ArrayList<>();
		for (RetentionRule r : retention.rules()) {
			rules.add(new RuleRow(r.kind(), period(r.keepFor(), locale), r.legalBasis(), r.validFrom(), r.validTo(),
					r.inForceOn(today)));
		}
		model.addAttribute("today", today);
		model.addAttribute("zone", zone);
		model.addAttribute("kinds", kinds);
		model.addAttribute("rules", rules);
		model.addAttribute("lastRun", retention.lastRun().orElse(null));
		return "access/retention";
	}

	/** A period in words: "5 år", "1 år og 6 måneder", "30 dage". */
	private String period(Period period, Locale locale) {
		List<String> parts = new ArrayList<>();
		if (period.getYears() != 0) {
			parts.add(messages.getMessage("retention.period.years", new Object[] { period.getYears() }, locale));
		}
		if (period.getMonths() != 0) {
			parts.add(messages.getMessage("retention.period.months", new Object[] { period.getMonths() }, locale));
		}
		if (period.getDays() != 0 || parts.isEmpty()) {
			parts.add(messages.getMessage("retention.period.days", new Object[] { period.getDays() }, locale));
		}
		if (parts.size() == 1) {
			return parts.get(0);
		}
		String last = parts.remove(parts.size() - 1);
		return String.join(", ", parts) + messages.getMessage("retention.period.and", null, locale) + last;
	}

	/** One kind in the dry run; the rule's fields are null when no rule is in force. */
	record KindRow(String kind, String action, boolean enforced, String period, String legalBasis, LocalDate validFrom,
			LocalDate cutoff, long count, LocalDate oldest) {
	}

	record RuleRow(String kind, String period, String legalBasis, LocalDate validFrom, LocalDate validTo,
			boolean inForce) {
	}
}
