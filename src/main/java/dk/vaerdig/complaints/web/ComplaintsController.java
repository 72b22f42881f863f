package dk.vaerdig.complaints.web;

import java.time.LocalDate;
import java.util.Locale;

import jakarta.validation.Valid;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.casework.Casework;
import dk.vaerdig.complaints.internal.Complaints;
import dk.vaerdig.complaints.internal.Complaints.NotRegistered;
import dk.vaerdig.complaints.internal.ForwardingPackage;
import dk.vaerdig.complaints.web.ComplaintForms.AppealsForm;
import dk.vaerdig.complaints.web.ComplaintForms.ReassessForm;
import dk.vaerdig.complaints.web.ComplaintForms.RegisterForm;

/** Registering a complaint and taking it through reassessment, forwarding and Ankestyrelsen's result. */
@Controller
@RequiresPermission(Permission.HANDLE_COMPLAINTS)
class ComplaintsController {

	private final Complaints complaints;

	private final Casework casework;

	private final ForwardingPackage forwardingPackage;

	private final PersonalDataReads reads;

	ComplaintsController(Complaints complaints, Casework casework,
			ForwardingPackage forwardingPackage, PersonalDataReads reads) {
		this.reads = reads;
		this.complaints = complaints;
		this.casework = casework;
		this.forwardingPackage = forwardingPackage;
	}

	@ReadsPersonalData(AuditAction.VIEW_LIST)
	@GetMapping("/complaints")
	String list(Model model) {
		var open = complaints.open();
		model.addAttribute("complaints", open);
		var names = casework.namesVisibleToMe(open.stream().map(Complaints.Complaint::candidateId).toList());
		reads.shown(names.keySet());
		model.addAttribute("names", names);
		model.addAttribute("overdue", open.stream().filter(complaints::overdue).map(Complaints.Complaint::id).toList());
		return "complaints/list";
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "candidate")
	@GetMapping("/complaints/new")
	String newComplaint(@RequestParam long candidate, Model model, Locale locale) {
		model.addAttribute("form", new RegisterForm(candidate, null, LocalDate.now(), "", null, "", null, "", false));
		return registerPage(candidate, model, locale);
	}

	private String registerPage(long candidate, Model model, Locale locale) {
		model.addAttribute("candidate", casework.open(candidate, "complaint form"));
		model.addAttribute("categories", complaints.categories(locale));
		model.addAttribute("channels", Complaints.Channel.values());
		return "complaints/new";
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "candidateId")
	@PostMapping("/complaints")
	String register(@Valid @ModelAttribute("form") RegisterForm form, BindingResult errors, Model model, Locale locale,
			RedirectAttributes redirect) {
		if (form.categoryId() != null && !complaints.categoryActive(form.categoryId())) {
			errors.rejectValue("categoryId", "form.invalidChoice");
		}
		if (form.receivedOn() != null && form.decisionReceivedOn() != null) {
			if (form.receivedOn().isBefore(form.decisionReceivedOn())) {
				errors.rejectValue("receivedOn", "complaints.form.receivedBeforeDecision");
			}
			if (form.receivedOn().isAfter(LocalDate.now())) {
				errors.rejectValue("receivedOn", "form.notInFuture");
			}
		}
		if (!errors.hasErrors()) {
			try {
				var registered = complaints.register(new Complaints.Registration(form.candidateId(), form.channel(),
						form.receivedOn(), form.decisionRef(), form.decisionReceivedOn(), form.whatCandidateSays(),
						form.categoryId(), form.lateReason(), Boolean.TRUE.equals(form.notADuplicate())));
				if (registered.acknowledged()) {
					redirect.addFlashAttribute("flash", "complaints.registered");
				}
				else {
					redirect.addFlashAttribute("flashError", "complaints.registeredWithoutReceipt");
				}
				return "redirect:/complaints/" + registered.id();
			}
			catch (NotRegistered e) {
				errors.reject(e.getMessage(), new Object[] { e.deadline() == null ? "" : e.deadline().toString() }, null);
				model.addAttribute("existingId", e.existingId());
			}
		}
		return registerPage(form.candidateId(), model, locale);
	}

	@ReadsPersonalData(AuditAction.VIEW_DOCUMENT)
	@GetMapping("/complaints/{id}")
	String complaint(@PathVariable long id, Model model, Locale locale) {
		var c = complaints.find(id);
		model.addAttribute("reassessForm", new ReassessForm(null, "", c.version()));
		model.addAttribute("appealsForm", new AppealsForm(null, LocalDate.now(), c.version()));
		return page(c, model, locale);
	}

	private String page(Complaints.Complaint c, Model model, Locale locale) {
		model.addAttribute("c", c);
		model.addAttribute("candidate", casework.open(c.candidateId(), "complaint"));
		reads.shown(c.candidateId());
		model.addAttribute("category", complaints.categories(locale).stream().filter(k -> k.id() == c.categoryId())
			.findFirst().map(Complaints.Category::name).orElse(""));
		model.addAttribute("themes", complaints.themes(c.id()));
		model.addAttribute("overdue", complaints.overdue(c));
		model.addAttribute("outcomes", Complaints.Outcome.values());
		model.addAttribute("results", Complaints.AppealsResult.values());
		return "complaints/complaint";
	}

	@ReadsPersonalData(AuditAction.VIEW_DOCUMENT)
	@PostMapping("/complaints/{id}/reassessment")
	String reassess(@PathVariable long id, @Valid @ModelAttribute("reassessForm") ReassessForm form, BindingResult errors,
			Model model, Locale locale, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				complaints.reassess(id, form.outcome(), form.reassessment(), form.version());
				redirect.addFlashAttribute("flash", "complaints.reassessed");
				return "redirect:/complaints/" + id;
			}
			catch (IllegalStateException | OptimisticLockingFailureException e) {
				errors.reject(e instanceof IllegalStateException ? e.getMessage() : "form.conflict");
			}
		}
		var c = complaints.find(id);
		model.addAttribute("appealsForm", new AppealsForm(null, LocalDate.now(), c.version()));
		return page(c, model, locale);
	}

	/**
	 * The package for Ankestyrelsen as PDF: the complaint, the letters the candidate got, and the reassessment. A
	 * complaint not (yet) to be forwarded has none: 409 with the reason.
	 */
	@ReadsPersonalData(AuditAction.EXPORT)
	@GetMapping("/complaints/{id}/package.pdf")
	ResponseEntity<byte[]> forwardingPackage(@PathVariable long id) {
		byte[] pdf;
		try {
			pdf = forwardingPackage.pdf(id);
		}
		catch (IllegalStateException e) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
		}
		reads.shown(complaints.find(id).candidateId());
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"klagesag-" + id + ".pdf\"")
			.contentType(MediaType.APPLICATION_PDF)
			.body(pdf);
	}

	@NoPersonalData("always redirects; shows nothing")
	@PostMapping("/complaints/{id}/forward")
	String forward(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
		return act(id, redirect, "complaints.forwarded", () -> complaints.forward(id, version));
	}

	@NoPersonalData("always redirects; shows nothing")
	@PostMapping("/complaints/{id}/appeals")
	String appeals(@PathVariable long id, @Valid @ModelAttribute("appealsForm") AppealsForm form, BindingResult errors,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			redirect.addFlashAttribute("flashError", "complaints.appeals.dateInvalid");
			return "redirect:/complaints/" + id;
		}
		return act(id, redirect, "complaints.appealsRegistered",
				() -> complaints.appealsResult(id, form.result(), form.resultOn(), form.version()));
	}

	@NoPersonalData("always redirects; shows nothing")
	@PostMapping("/complaints/{id}/themes")
	String theme(@PathVariable long id, @RequestParam String theme, RedirectAttributes redirect) {
		return act(id, redirect, "complaints.themeAdded", () -> complaints.addTheme(id, theme));
	}

	private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", done);
		}
		catch (IllegalStateException | IllegalArgumentException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("flashError", "form.conflict");
		}
		return "redirect:/complaints/" + id;
	}
}
