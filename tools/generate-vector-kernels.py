#!/usr/bin/env python3
"""Writes out the register-held vector kernels, unrolled for k = 2, 4 and 8 vectors, as whole files.

    tools/generate-vector-kernels.py          rewrites VectorCgRegisterKernels.java (the CG passes)
                                              and VectorCellKernels.java (the loss's stored cells)
    tools/generate-vector-kernels.py --check  rewrites nothing; exits 1 and names the files that
                                              differ from what it would write (a hand edit or a
                                              stale copy), 0 when all match (.ci/run runs it)

The Java code has each vector of a factor row in its own local variable, so that C2 keeps them in
registers (docs/vector-kernels.md, fact 2); this script keeps the 2-, 4- and 8-vector copies in step.
Both files are generated whole and say so in their first line: change this script, never the files.
"""
import os
import sys

def off(base, j):
    if j == 0: return base
    if j == 1: return f"{base} + L"
    return f"{base} + {j} * L"

def butterfly(var, ind):
    return [f"{ind}if (L >= 16) {{ {var} = {var}.add({var}.rearrange(SWAP8)); }}",
            f"{ind}if (L >= 8) {{ {var} = {var}.add({var}.rearrange(SWAP4)); }}",
            f"{ind}if (L >= 4) {{ {var} = {var}.add({var}.rearrange(SWAP2)); }}",
            f"{ind}{var} = {var}.add({var}.rearrange(SWAP1));"]

def dot_tree(a, b, out, V, ind):
    lines = []
    chains = min(4, V)
    for c in range(chains):
        lines.append(f"{ind}FloatVector {out}{c} = {a}{c}.mul({b}{c});")
    for j in range(chains, V):
        c = j % chains
        lines.append(f"{ind}{out}{c} = {a}{j}.fma({b}{j}, {out}{c});")
    names = [f"{out}{c}" for c in range(chains)]
    while len(names) > 1:
        nxt = []
        for i in range(0, len(names), 2):
            if i + 1 < len(names):
                lines.append(f"{ind}{names[i]} = {names[i]}.add({names[i+1]});")
            nxt.append(names[i])
        names = nxt
    return lines, names[0]

I2, I3, I4 = " " * 8, " " * 12, " " * 16

def common(V, preset=False):
    L = [f"{I2}final int k = {V} * L;",
         f"{I2}final float[] y = s.fixed();",
         f"{I2}final int yb = s.fixedOrigin();",
         f"{I2}final int[] cols = s.cols();",
         f"{I2}final float[] cm1 = s.cm1();"]
    if not preset:
        L += [f"{I2}final float[] gram = s.gramF();",
              f"{I2}final float reg = (float) s.regularization(row);"]
    return L + [f"{I2}final int from = s.ptr()[row];",
                f"{I2}final int to = s.ptr()[row + 1];"]

def arr(base, j):
    """The offset of vector j in an array whose row starts at base ("0" prints as a bare multiple of L)."""
    return off(base, j).replace('0 + ', '') if base == '0' else off(base, j)

def kernel(V, header, preset, with_b, v, v_src, v_base, acc, out, start, comment, yty_comment, bcast, coef):
    """One CG pass over a row's non-zeros, shared by the residual and the product kernels.

    v (held in registers) is loaded from v_src at v_base; the accumulator vectors acc0.. start from
    out (preset: YtY part done by the caller) or from v times start, plus YtY v with broadcasts bcast;
    each non-zero adds coef * y_i to them (and c_ui y_i to b with with_b), coef being made by the
    lines in coef with DOT standing for the lane-summed y_i . v; acc goes to out at the end.
    """
    L = header + common(V, preset)
    if v_base != '0':
        L.append(f"{I2}final float[] {v_src} = s.target();")
        L.append(f"{I2}final int {v_base} = s.targetOffset(row);")
    L.append(f"{I2}// {comment}")
    for j in range(V):
        L.append(f"{I2}final FloatVector {v}{j} = FloatVector.fromArray(F, {v_src}, {arr(v_base, j)});")
    for j in range(V):
        if preset:
            L.append(f"{I2}FloatVector {acc}{j} = FloatVector.fromArray(F, {out}, {arr('0', j)});")
        else:
            L.append(f"{I2}FloatVector {acc}{j} = {v}{j}.mul({start});")
    if with_b:
        for j in range(V):
            L.append(f"{I2}FloatVector b{j} = FloatVector.zero(F);")
    if not preset:
        L.append(f"{I2}// {yty_comment}")
        L.append(f"{I2}for (int g = 0, go = 0; g < k; g++, go += k) {{")
        L.append(f"{I3}final FloatVector {v}g = FloatVector.broadcast(F, {bcast});")
        for j in range(V):
            L.append(f"{I3}{acc}{j} = FloatVector.fromArray(F, gram, {off('go', j)}).fma({v}g, {acc}{j});")
        L.append(f"{I2}}}")
    L.append(f"{I2}for (int q = from; q < to; q++) {{")
    L.append(f"{I3}final int yo = yb + cols[q] * k;")
    for j in range(V):
        L.append(f"{I3}final FloatVector y{j} = FloatVector.fromArray(F, y, {off('yo', j)});")
    t, last = dot_tree("y", v, "d", V, I3)
    L += t
    L.append(f"{I3}// the pairwise lane sum, inline: every lane ends up holding y_i . {v}")
    L += butterfly(last, I3)
    L += [f"{I3}{line}".replace("DOT", last) for line in coef]
    for j in range(V):
        L.append(f"{I3}{acc}{j} = y{j}.fma(coef, {acc}{j});")
    if with_b:
        L.append(f"{I3}final FloatVector c = FloatVector.broadcast(F, 1f + c1);")
        for j in range(V):
            L.append(f"{I3}b{j} = y{j}.fma(c, b{j});")
    L.append(f"{I2}}}")
    for j in range(V):
        L.append(f"{I2}{acc}{j}.intoArray({out}, {arr('0', j)});")
    if with_b:
        for j in range(V):
            L.append(f"{I2}b{j}.intoArray(b, {arr('0', j)});")
    L.append("    }")
    return L

def residual(V, preset=False):
    if preset:
        header = [f"    /**",
                  f"     * {{@link #residual{V}}} without its YtY part: on entry {{@code r}} holds {{@code -(YtY + lambda I) x}},",
                  f"     * computed for several rows in one pass over YtY (bitwise what {{@link #residual{V}}} starts from).",
                  f"     */",
                  f"    static void residualRest{V}(HalfStep s, int row, float[] r) {{"]
    else:
        header = [f"    /** {{@code r = b - A x}} for k = {V} vectors: x from the row of the target table, r into {{@code r[0..k)}}. */",
                  f"    static void residual{V}(HalfStep s, int row, float[] r) {{"]
    return kernel(V, header, preset, with_b=False, v="x", v_src="x", v_base="xo", acc="r", out="r", start="-reg",
                  comment="r = -(YtY + lambda I) x + sum_i (c_ui - (c_ui - 1)(y_i . x)) y_i",
                  yty_comment="-YtY x as broadcast FMAs over the rows of the symmetric YtY: r -= sum_g x_g YtY[g, :]",
                  bcast="-x[xo + g]",
                  coef=["final float c1 = cm1[q];",
                        "// c_ui - (c_ui - 1)(y_i . x), in every lane",
                        "final FloatVector coef = DOT.fma(-c1, 1f + c1);"])

def product(V, with_b=False, preset=False):
    if preset:
        name = f"productAndRhsRest{V}(HalfStep s, int row, float[] p, float[] ap, float[] b)" if with_b \
            else f"productRest{V}(HalfStep s, int row, float[] p, float[] ap)"
        base = f"productAndRhs{V}" if with_b else f"product{V}"
        header = [f"    /**",
                  f"     * {{@link #{base}}} without its YtY part: on entry {{@code ap}} holds {{@code (YtY + lambda I) p}},",
                  f"     * computed for several rows in one pass over YtY (bitwise what {{@link #{base}}} starts from).",
                  f"     */",
                  f"    static void {name} {{"]
    elif with_b:
        header = [f"    /** {{@link #product{V}}}, and also {{@code b = sum_i c_ui y_i}} into {{@code b[0..k)}} (for the row objective). */",
                  f"    static void productAndRhs{V}(HalfStep s, int row, float[] p, float[] ap, float[] b) {{"]
    else:
        header = [f"    /** {{@code Ap}} for k = {V} vectors: p from {{@code p[0..k)}}, Ap into {{@code ap[0..k)}}. */",
                  f"    static void product{V}(HalfStep s, int row, float[] p, float[] ap) {{"]
    coef = ["// (c_ui - 1)(y_i . p), in every lane"]
    coef += ["final float c1 = cm1[q];", "final FloatVector coef = DOT.mul(c1);"] if with_b \
        else ["final FloatVector coef = DOT.mul(cm1[q]);"]
    return kernel(V, header, preset, with_b, v="p", v_src="p", v_base="0", acc="a", out="ap", start="reg",
                  comment="Ap = (YtY + lambda I) p + sum_i (c_ui - 1)(y_i . p) y_i",
                  yty_comment="YtY p as broadcast FMAs over the rows of the symmetric YtY", bcast="p[g]", coef=coef)

def cells(V):
    L = [f"    /** One user's stored-cell terms for k = {V} vectors, x_u held in registers. */",
         f"    static double userCells{V}(float[] x, int xo, float[] y, int yb, int[] cols, float[] cm1, int from, int to) {{",
         f"{I2}final int k = {V} * L;"]
    for j in range(V):
        L.append(f"{I2}final FloatVector x{j} = FloatVector.fromArray(F, x, {off('xo', j)});")
    L.append(f"{I2}double sum = 0;")
    L.append(f"{I2}for (int q = from; q < to; q++) {{")
    L.append(f"{I3}final int yo = yb + cols[q] * k;")
    for j in range(V):
        L.append(f"{I3}final FloatVector y{j} = FloatVector.fromArray(F, y, {off('yo', j)});")
    t, last = dot_tree("y", "x", "d", V, I3)
    L += t
    L += butterfly(last, I3)
    L.append(f"{I3}final double s = {last}.lane(0);")
    L.append(f"{I3}final double c = 1.0 + cm1[q];")
    L.append(f"{I3}sum += c * (1 - s) * (1 - s) - s * s;")
    L.append(f"{I2}}}")
    L.append(f"{I2}return sum;")
    L.append("    }")
    return L

CG_PACKAGE = "org.tastemap.core.als"        # the CG passes, beside the solvers and HalfStep
CELLS_PACKAGE = "org.tastemap.core.linalg"     # the loss kernels, beside VectorFactorKernels
LANES = "org.tastemap.core.linalg.VectorLanes"
HEADER = "// generated by tools/generate-vector-kernels.py; do not edit"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def source_dir(package):
    return os.path.join(ROOT, "src", "main", "java", *package.split("."))

def imports():
    return [f"import static {LANES}.{n};" for n in ("F", "L", "SWAP1", "SWAP2", "SWAP4", "SWAP8")] + \
        ["", "import jdk.incubator.vector.FloatVector;", ""]

def dispatcher(doc, name, params, args):
    L = [f"    /** {doc} with the kernel for k = vectors * L; false when there is none. */",
         f"    static boolean {name}({params}, int vectors) {{",
         f"{I2}switch (vectors) {{"]
    for V in (8, 4, 2):
        L.append(f"{I3}case {V} -> {name}{V}({args});")
    L += [f"{I3}default -> {{", f"{I4}return false;", f"{I3}}}", f"{I2}}}", f"{I2}return true;", "    }", ""]
    return L

CG_DOC = """/**
 * The two passes over a row's non-zeros that make up nearly all of a CG row solve, for k = 2, 4 or
 * 8 vectors of {@code L} lanes (k = 32, 64, 128 at 512 bits; 16, 32, 64 at 256), with the row's
 * vectors held in locals so that C2 keeps them in registers: {@code r = b - A x} and {@code A p}
 * (with {@code b} too, in the first step, when the row objective is asked for). The methods for 2,
 * 4 and 8 vectors are the same code unrolled. The {@code ...Rest8} methods are the 8-vector ones
 * without the YtY part, for rows that run CG in lockstep and get their YtY products from one shared
 * pass.
 *
 * <p>What makes them fast (docs/vector-kernels.md, facts 1-3): each factor row y_i is loaded once per
 * pass and used for both the dot product and the update; YtY p is a sum of broadcast FMAs over YtY's
 * rows; the lane sum is a pairwise butterfly written inline in the loop, and it leaves the sum in
 * every lane, ready to multiply. Vectors never cross a method boundary (inputs and outputs are
 * arrays), and each method holds one hot loop: a kernel that C2 fails to compile whole, or inlines
 * only in part, would box vectors on the heap in the loop and run tens of times slower, and one big
 * method holding the whole solve did exactly that on JDK 17 (C1 ran out of virtual registers on it
 * and C2 never took it over).
 */"""

CELLS_DOC = """/**
 * The stored-cell terms of the loss for one user, {@code sum_i c_ui (1 - x_u . y_i)^2 - (x_u . y_i)^2},
 * for k = 2, 4 or 8 vectors of {@code L} lanes with x_u held in registers: the same code unrolled,
 * called by {@link VectorFactorKernels#storedCells} (which has the loop for other k).
 */"""

def cg_file():
    out = [HEADER, f"package {CG_PACKAGE};", ""] + imports() + CG_DOC.split("\n") + \
        ["final class VectorCgRegisterKernels {", "    private VectorCgRegisterKernels() {", "    }", ""]
    out += dispatcher("{@code r = b - A x}", "residual", "HalfStep s, int row, float[] r", "s, row, r")
    out += dispatcher("{@code Ap}", "product", "HalfStep s, int row, float[] p, float[] ap", "s, row, p, ap")
    out += dispatcher("{@code Ap} and {@code b}", "productAndRhs", "HalfStep s, int row, float[] p, float[] ap, float[] b",
                      "s, row, p, ap, b")
    for V in (2, 4, 8):
        out += residual(V) + [""] + product(V) + [""] + product(V, True) + [""]
    # rows whose YtY does not fit in L1 (k = 128 at 512 bits) run in lockstep, sharing one pass
    # over YtY, and then take these for their non-zeros
    out += residual(8, preset=True) + [""] + product(8, preset=True) + [""] + product(8, True, preset=True)
    return out + ["}"]

def cells_file():
    out = [HEADER, f"package {CELLS_PACKAGE};", ""] + imports() + CELLS_DOC.split("\n") + \
        ["final class VectorCellKernels {", "    private VectorCellKernels() {", "    }", ""]
    for V in (2, 4, 8):
        out += cells(V) + [""]
    return out[:-1] + ["}"]

FILES = {"VectorCgRegisterKernels.java": (lambda: CG_PACKAGE, cg_file), "VectorCellKernels.java": (lambda: CELLS_PACKAGE, cells_file)}

if __name__ == "__main__":
    check = sys.argv[1:] == ["--check"]
    if sys.argv[1:] and not check:
        sys.exit("usage: tools/generate-vector-kernels.py [--check]")
    stale = []
    for name, (package, make) in FILES.items():
        path = os.path.join(source_dir(package()), name)
        text = "\n".join(make()) + "\n"
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old == text:
            continue
        if check:
            stale.append(os.path.relpath(path, ROOT))
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            print("wrote", os.path.relpath(path, ROOT))
    if stale:
        sys.exit("generated kernels differ from tools/generate-vector-kernels.py (hand edit or stale copy; "
                 "run it without --check to rewrite them): " + ", ".join(stale))
