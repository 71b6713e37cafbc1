/**
 * Dialog components shared by the nodes' classic dialogs.
 */
package org.gtlens.knime.dialog;
