/** HTTP plumbing shared by Berth's endpoints: RFC 9457 problem details with stable type URIs. */
package io.berth.core.http;
