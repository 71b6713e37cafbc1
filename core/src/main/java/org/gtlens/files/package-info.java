/**
 * File handling shared by all outputs: atomic replacement of results and one sentence per file problem.
 */
package org.gtlens.files;
