/** JAX-RS plumbing shared by Berth's REST APIs: authentication, strict JSON input, problem details, headers. */
package io.berth.admin.rest;
