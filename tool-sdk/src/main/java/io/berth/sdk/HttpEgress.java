package io.berth.sdk;

/**
 * Outbound HTTP for a tool ({@link ToolContext#http()}), the only way a plugin reaches the network.
 *
 * <p>What is allowed is the tenant's operator's decision, and everything else is refused with a
 * {@link ToolException} that says why:
 * <ul>
 *   <li>the host must be on the tenant's allow-list (exact names, or {@code *.example.com} for any name below
 *       {@code example.com}), with the scheme's default port unless the entry names another;</li>
 *   <li>{@code https} only, unless the tenant allows plain {@code http};</li>
 *   <li>Berth resolves the name itself and refuses it if any address is loopback, private, link-local (including
 *       cloud metadata endpoints such as 169.254.169.254), unique-local, shared (CGNAT), multicast or otherwise not
 *       public, unless the tenant allows private addresses; it then connects to the address it checked;</li>
 *   <li>redirects are followed up to five times, each hop checked like a new request (and {@code Authorization}
 *       and {@code Cookie} dropped when the host changes); {@link EgressRequest.Builder#followRedirects(boolean)}
 *       turns that off;</li>
 *   <li>each call of a tool has a budget of requests and bytes; each response body and each exchange's duration are
 *       limited.</li>
 * </ul>
 * Berth adds no credentials of its own and keeps no cookies: a request carries exactly the headers the tool set.
 * Responses of every status (404, 500, ...) are returned, not thrown.
 */
public interface HttpEgress {

    /** Sends {@code request} and returns the whole response. */
    EgressResponse send(EgressRequest request) throws ToolException;
}
