package org.gtlens.explorer;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.KeyStroke;

import org.gtlens.GtLensException;
import org.gtlens.Keyed;
import org.gtlens.chart.figures.FigureChoices;
import org.gtlens.chart.options.ChartOptions;
import org.gtlens.chart.figures.Figure;
import org.gtlens.chart.swing.HeatmapPanel;
import org.gtlens.model.Kind;
import org.gtlens.repr.IndexList;

/**
 * Looks through a {@link FigureSource}: pickers for the item (sequence or group), kind, blocks, heads, colour scale
 * and range above a {@link HeatmapPanel} (zoom, pan, tooltips, save as PNG or SVG, print). A change redraws at once;
 * Page Up / Page Down (or Alt + Left / Right) step through the items. A choice that does not fit the source (a block
 * the model lacks) is said in one line under the pickers and the last figure stays.
 */
public class HeatmapExplorer extends JPanel {

    private static final long serialVersionUID = 1L;

    private final transient FigureSource source;
    private final JComboBox<String> item;
    private final JComboBox<Kind> kind;
    private final JTextField blocks = new JTextField("all", 6);
    private final JTextField heads = new JTextField("all", 6);
    private final JTextField positions = new JTextField("all", 6);
    private final JComboBox<String> scale = new JComboBox<>(keys(ChartOptions.ValueScale.values()));
    private final JComboBox<String> range = new JComboBox<>(new String[] {"shared", "panel"});
    private final JLabel message = new JLabel(" ");
    private final HeatmapPanel panel = new HeatmapPanel();
    private transient Figure figure;
    private transient String error;
    /** True while {@link #choose} sets several pickers, so that they redraw once. */
    private transient boolean updating;

    public HeatmapExplorer(FigureSource source) {
        super(new BorderLayout());
        this.source = source;
        String[] labels = new String[source.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = source.label(i);
        }
        item = new JComboBox<>(labels);
        item.setPrototypeDisplayValue("row 0000 · 256 tokens: 0000,0000,0000,...");
        kind = new JComboBox<>(source.kinds().toArray(new Kind[0]));
        kind.setRenderer(new javax.swing.DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public java.awt.Component getListCellRendererComponent(javax.swing.JList<?> list, Object value,
                    int index, boolean selected, boolean focus) {
                return super.getListCellRendererComponent(list, value == null ? "" : org.gtlens.chart.figures.FigureKind.of((Kind) value).displayName(), index,
                        selected, focus);
            }
        });
        JPanel pickers = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
        JPanel choices = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
        JButton previous = new JButton("\u25c0");
        previous.setToolTipText("Previous (Page Up)");
        JButton next = new JButton("\u25b6");
        next.setToolTipText("Next (Page Down)");
        pickers.add(new JLabel(source.itemName() + ":"));
        pickers.add(previous);
        pickers.add(item);
        pickers.add(next);
        choices.add(new JLabel("Kind:"));
        choices.add(kind);
        choices.add(new JLabel("Blocks:"));
        choices.add(blocks);
        choices.add(new JLabel("Heads:"));
        choices.add(heads);
        choices.add(new JLabel("Positions:"));
        choices.add(positions);
        choices.add(new JLabel("Scale:"));
        choices.add(scale);
        choices.add(new JLabel("Range:"));
        choices.add(range);
        blocks.setToolTipText("Indices and ranges, plus 'last', e.g. 0,10-11 or last; all for every block");
        heads.setToolTipText("Indices and ranges, plus 'last', e.g. 0,7; all for every head");
        positions.setToolTipText("Matrix rows (query or output positions), e.g. last or 0-3,last; all for every row");
        message.setForeground(new Color(0xb00020));
        message.setBorder(BorderFactory.createEmptyBorder(0, 8, 4, 8));
        JPanel top = new JPanel(new java.awt.GridLayout(3, 1));
        top.add(pickers);
        top.add(choices);
        top.add(message);
        add(top, BorderLayout.NORTH);
        add(panel, BorderLayout.CENTER);

        item.addActionListener(e -> redraw());
        kind.addActionListener(e -> redraw());
        blocks.addActionListener(e -> redraw());
        heads.addActionListener(e -> redraw());
        positions.addActionListener(e -> redraw());
        java.awt.event.FocusAdapter redrawOnLeave = new java.awt.event.FocusAdapter() {
            @Override
            public void focusLost(java.awt.event.FocusEvent e) {
                redraw();
            }
        };
        blocks.addFocusListener(redrawOnLeave);
        heads.addFocusListener(redrawOnLeave);
        positions.addFocusListener(redrawOnLeave);
        scale.addActionListener(e -> redraw());
        range.addActionListener(e -> redraw());
        previous.addActionListener(e -> step(-1));
        next.addActionListener(e -> step(1));
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_PAGE_UP, 0), "previous", -1);
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_PAGE_DOWN, 0), "next", 1);
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_LEFT, InputEvent.ALT_DOWN_MASK), "previous", -1);
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_RIGHT, InputEvent.ALT_DOWN_MASK), "next", 1);
        redraw();
    }

    private static String[] keys(ChartOptions.ValueScale[] scales) {
        String[] k = new String[scales.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = scales[i].key();
        }
        return k;
    }

    private void bind(KeyStroke key, String name, int delta) {
        getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(key, name);
        getActionMap().put(name, new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                step(delta);
            }
        });
    }

    /** Shows the previous ({@code -1}) or next ({@code 1}) item, if there is one. */
    public void step(int delta) {
        int i = item.getSelectedIndex() + delta;
        if (i >= 0 && i < item.getItemCount()) {
            item.setSelectedIndex(i);
        }
    }

    /** Sets the pickers in one go (for a saved view state and for tests) and redraws once; every position. */
    public void choose(int itemIndex, Kind k, String blockList, String headList, ChartOptions.ValueScale s,
            ChartOptions.RangeMode r) {
        choose(itemIndex, k, blockList, headList, "all", s, r);
    }

    /** Sets the pickers in one go, positions included, and redraws once. */
    public void choose(int itemIndex, Kind k, String blockList, String headList, String positionList,
            ChartOptions.ValueScale s, ChartOptions.RangeMode r) {
        updating = true;
        try {
            item.setSelectedIndex(itemIndex);
            if (k != null) {
                kind.setSelectedItem(k);
            }
            blocks.setText(blockList);
            heads.setText(headList);
            positions.setText(positionList);
            scale.setSelectedItem(s.key());
            range.setSelectedItem(r.key());
        } finally {
            updating = false;
        }
        redraw();
    }

    /** Rebuilds the figure from the pickers. */
    void redraw() {
        if (updating) {
            return;
        }
        Kind k = (Kind) kind.getSelectedItem();
        if (k == null || item.getSelectedIndex() < 0) {
            return;
        }
        try {
            IndexList b = parse("Blocks", blocks.getText());
            IndexList h = parse("Heads", heads.getText());
            IndexList p = parse("Positions", positions.getText());
            Figure f = source.figure(item.getSelectedIndex(), k, b, h, p);
            ChartOptions options = FigureChoices.NONE.with(
                    Keyed.find(ChartOptions.ValueScale.class, (String) scale.getSelectedItem()),
                    Keyed.find(ChartOptions.RangeMode.class, (String) range.getSelectedItem())).apply(f);
            figure = f;
            error = null;
            message.setText(" ");
            panel.setGrid(f.grid(), options);
        } catch (GtLensException e) {
            error = e.getMessage();
            message.setText(error);
        }
    }

    private static IndexList parse(String what, String text) throws GtLensException {
        try {
            return IndexList.parse(text.isBlank() ? "all" : text.trim());
        } catch (IllegalArgumentException e) {
            throw new GtLensException(what + ": " + e.getMessage() + ".");
        }
    }

    /** The chart panel (zoom, save, tooltips). */
    public HeatmapPanel panel() {
        return panel;
    }

    /** The figure on screen, or null before the first one could be drawn. */
    public Figure figure() {
        return figure;
    }

    /** The sentence shown for the last choice that could not be drawn, or null. */
    public String error() {
        return error;
    }

    /** The picked item. */
    public int selectedItem() {
        return item.getSelectedIndex();
    }

    /** The picked kind. */
    public Kind selectedKind() {
        return (Kind) kind.getSelectedItem();
    }
}
