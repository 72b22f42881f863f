package dk.vaerdig.letters.web;

import java.time.ZoneId;

import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.letters.internal.ApiTokens;
import dk.vaerdig.platform.DanishDates;
import dk.vaerdig.platform.PlatformSettings;

/**
 * The administrator makes and revokes the API tokens of the analyser's HTTP API ({@link CheckApiSecurity}). A new
 * token is shown once, on the page that made it (not in a redirect, not stored): only its SHA-256 is kept.
 */
@NoPersonalData("API tokens of municipalities and systems; no candidate")
@Controller
@RequestMapping("/admin/letter-api-tokens")
@RequiresPermission(Permission.ADMINISTER_SYSTEM)
class ApiTokenController {

	/** A token as the page shows it, times in the job centre's zone. */
	record TokenView(long id, String name, String created, String createdBy, boolean revoked, String revokedAt,
			String revokedBy) {
	}

	private final ApiTokens tokens;

	private final ZoneId zone;

	ApiTokenController(ApiTokens tokens, PlatformSettings platform) {
		this.tokens = tokens;
		this.zone = platform.zone();
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("form", new ApiTokenForm(""));
		return page(model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") ApiTokenForm form, BindingResult errors, Model model, Authentication user) {
		if (errors.hasErrors()) {
			return page(model);
		}
		model.addAttribute("created", tokens.create(form.name(), user.getName()));
		model.addAttribute("form", new ApiTokenForm(""));
		return page(model);
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
		tokens.revoke(id, user.getName());
		redirect.addFlashAttribute("flash", "letters.apiTokens.revoked");
		return "redirect:/admin/letter-api-tokens";
	}

	private String page(Model model) {
		model.addAttribute("tokens", tokens.all()
			.stream()
			.map(t -> new TokenView(t.id(), t.name(), DanishDates.dateTime(t.createdAt(), zone), t.createdBy(), t.revoked(),
					t.revoked() ? DanishDates.dateTime(t.revokedAt(), zone) : null, t.revokedBy()))
			.toList());
		return "letters/api-tokens";
	}
}
