package com.example.plugin;

import io.berth.sdk.Description;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolException;
import io.berth.sdk.ToolHints;
import io.berth.sdk.safety.EmailDomains;
import io.berth.sdk.safety.HtmlText;
import io.berth.sdk.safety.Lengths;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.Optional;

/**
 * A typed tool: its arguments and its result are records. Berth generates the input and output schemas from them
 * (the constraints become {@code maxLength}, {@code format: email}, …), binds each call to a {@link Request} and
 * checks the constraints before {@link #draft} runs; a call that does not fit gets an error listing every problem.
 */
final class DraftEmail {

    /** Who may be written to: the policy says whether subdomains count. */
    private static final EmailDomains RECIPIENTS = EmailDomains.withSubdomains("example.com");
    private static final int MAX_TEXT = 2_000;

    enum Tone { FORMAL, FRIENDLY }

    @Description("An e-mail to draft; nothing is sent")
    record Request(
            @Description("The recipient's address, in example.com or one of its subdomains")
            @NotBlank @Email String to,
            @Description("The subject line") @NotBlank @Size(max = 120) String subject,
            @Description("The message; HTML is turned into plain text") @NotBlank @Size(max = 20_000) String body,
            @Description("How to greet the recipient; formal if not given") Optional<Tone> tone) {
    }

    @Description("The drafted e-mail")
    record Draft(String to, String subject, String text, boolean shortened) {
    }

    private DraftEmail() {
    }

    static Tool tool() {
        return Tool.builder("draft_email")
                .title("Draft an e-mail")
                .description("Drafts a plain-text e-mail to someone at example.com. Nothing is sent.")
                .scopes("mail.draft")
                .hints(new ToolHints(true, false, true, false))   // read-only, not destructive, idempotent, closed
                .arguments(Request.class)
                .output(Draft.class)
                .handler(DraftEmail::draft)
                .build();
    }

    static Draft draft(Request request, ToolContext context) throws ToolException {
        String to = RECIPIENTS.require(request.to());   // a ToolException the model reads if the domain is wrong
        String greeting = request.tone().orElse(Tone.FORMAL) == Tone.FORMAL ? "Dear colleague," : "Hi!";
        String text = greeting + "\n\n" + HtmlText.toPlainText(request.body());
        String shortened = Lengths.truncate(text, MAX_TEXT, "…");
        return new Draft(to, request.subject().strip(), shortened, !shortened.equals(text));
    }
}
