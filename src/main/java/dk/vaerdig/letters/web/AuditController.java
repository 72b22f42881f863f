package dk.vaerdig.letters.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.SignedInUser;
import dk.vaerdig.letters.LetterSettings;
import dk.vaerdig.letters.internal.AuditJob;
import dk.vaerdig.letters.internal.BatchAudit;
import dk.vaerdig.letters.internal.LetterCategory;
import dk.vaerdig.letters.internal.LetterFiles;

/**
 * The batch audit: upload many letters (.txt, .html, .docx, .pdf), follow the progress (htmx polls every second; a
 * plain link reloads without JavaScript), read the ranked report, worst first, and export it as CSV. The job is in
 * PostgreSQL, so any app node behind the load balancer answers the poll and shows the report.
 */
@NoPersonalData("analyses letter files staff upload; nothing is read from the case files")
@Controller
@RequestMapping("/letters/audit")
@RequiresPermission(Permission.MANAGE_LETTER_TEMPLATES)
class AuditController {

	static final int SHOWN_ROWS = 500;

	private final BatchAudit audit;

	private final LetterSettings settings;

	private final MessageSource messages;

	AuditController(BatchAudit audit, LetterSettings settings, MessageSource messages) {
		this.audit = audit;
		this.settings = settings;
		this.messages = messages;
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("categories", LetterCategory.values());
		return "letters/audit";
	}

	@PostMapping
	String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(defaultValue = "SYSTEM") LetterCategory category,
			@RequestParam(defaultValue = "false") boolean spelling, Authentication user, Model model) throws IOException {
		List<MultipartFile> chosen = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
		List<String> rejected = chosen.stream().filter(f -> !supported(f.getOriginalFilename())).map(f -> name(f)).toList();
		String error = chosen.isEmpty() ? "letters.audit.error.none"
				: !rejected.isEmpty() ? "letters.audit.error.types"
						: chosen.size() > settings.auditMaxFiles() ? "letters.audit.error.tooMany"
								: chosen.stream().anyMatch(f -> f.getSize() > settings.auditMaxFileBytes()) ? "letters.audit.error.tooLarge"
										: null;
		if (error != null) {
			model.addAttribute("categories", LetterCategory.values());
			model.addAttribute("error", error);
			model.addAttribute("rejected", String.join(", ", rejected));
			model.addAttribute("max", settings.auditMaxFiles());
			return "letters/audit";
		}
		List<BatchAudit.Upload> uploads = new ArrayList<>(chosen.size());
		for (MultipartFile file : chosen) {
			uploads.add(new BatchAudit.Upload(name(file), file.getSize(), file::getInputStream));
		}
		try {
			AuditJob job = audit.start(user.getName(), uploads, category, spelling);
			return "redirect:/letters/audit/" + job.id();
		}
		catch (BatchAudit.Busy busy) {
			model.addAttribute("categories", LetterCategory.values());
			model.addAttribute("error", "letters.audit.busy");
			return "letters/audit";
		}
	}

	@GetMapping("/{id}")
	String job(@PathVariable UUID id, Model model, Authentication user) {
		AuditJob job = job(id, user);
		model.addAttribute("job", job);
		if (job.finished()) {
			List<AuditJob.Row> ranked = audit.ranked(id, SHOWN_ROWS);
			model.addAttribute("rows", ranked);
			model.addAttribute("shown", ranked.size());
		}
		return "letters/audit-job";
	}

	/** The progress bar for htmx; when the job is done, the page reloads to show the report. */
	@GetMapping("/{id}/progress")
	String progress(@PathVariable UUID id, Model model, Authentication user, HttpServletResponse response) {
		AuditJob job = job(id, user);
		if (job.finished()) {
			response.setHeader("HX-Refresh", "true");
		}
		model.addAttribute("job", job);
		return "letters/fragments/audit-progress :: progress";
	}

	@GetMapping("/{id}/report.csv")
	void csv(@PathVariable UUID id, Authentication user, Locale locale, HttpServletResponse response) throws IOException {
		AuditJob job = job(id, user);
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"brevgennemgang.csv\"");
		OutputStreamWriter out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write('\uFEFF'); // so Excel reads æ, ø and å
		audit.writeCsv(job.id(), out, key -> messages.getMessage(key, null, key, locale));
		out.flush();
	}

	private AuditJob job(UUID id, Authentication user) {
		AuditJob job = audit.job(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		boolean everyAudit = SignedInUser.of(user).may(Permission.READ_EVERY_LETTER_AUDIT);
		if (!everyAudit && !job.owner().equals(user.getName())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return job;
	}

	private static boolean supported(String name) {
		try {
			LetterFiles.Kind.of(name);
			return true;
		}
		catch (LetterFiles.UnsupportedFile e) {
			return false;
		}
	}

	private static String name(MultipartFile file) {
		String name = file.getOriginalFilename() == null ? "?" : file.getOriginalFilename();
		name = name.replace('\\', '/');
		return name.substring(name.lastIndexOf('/') + 1);
	}
}
