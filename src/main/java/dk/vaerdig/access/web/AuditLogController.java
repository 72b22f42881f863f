package dk.vaerdig.access.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.AuditLog;
import dk.vaerdig.access.AuditLog.AuditEntry;
import dk.vaerdig.access.AuditLog.AuditQuery;
import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.platform.PlatformSettings;

/** Administrators search the audit log and check that nobody has tampered with it. */
@NoPersonalData("the audit log itself: candidate ids and users, no names or case data")
@Controller
@RequestMapping("/admin/audit")
class AuditLogController {

	private static final int PAGE_SIZE = 50;

	private final AuditLog auditLog;

	private final ZoneId zone;

	AuditLogController(AuditLog auditLog, PlatformSettings settings) {
		this.auditLog = auditLog;
		this.zone = settings.zone();
	}

	@GetMapping
	String search(@RequestParam(required = false) Long candidateId, @RequestParam(required = false) String actor,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		int safePage = Math.max(0, page);
		List<AuditEntry> entries = auditLog.search(new AuditQuery(candidateId, actor,
				from == null ? null : from.atStartOfDay(zone).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), safePage, PAGE_SIZE));
		model.addAttribute("entries", entries.size() > PAGE_SIZE ? entries.subList(0, PAGE_SIZE) : entries);
		model.addAttribute("hasNext", entries.size() > PAGE_SIZE);
		model.addAttribute("page", safePage);
		model.addAttribute("candidateId", candidateId);
		model.addAttribute("actor", actor);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("zone", zone);
		return "access/audit";
	}

	@PostMapping("/verify")
	String verify(RedirectAttributes redirect) {
		auditLog.chain();
		AuditLog.Verification result = auditLog.verify();
		redirect.addFlashAttribute("verification", result);
		return "redirect:/admin/audit";
	}
}
