"""Convert Go composite literals of internal core types (as written in validation_test.go) to v1 JSON-ish Python values.
Scratch tool outside the repo; its output is reviewed and pasted into the case builder."""
import re, json, sys

TOK = re.compile(r'\s*(?:(//[^\n]*)|("(?:[^"\\]|\\.)*")|(`[^`]*`)|([A-Za-z_][A-Za-z0-9_.]*)|(-?[0-9]+(?:\.[0-9]+)?)|(\[\]|[{}()\[\],:&*]))', re.S)

def tokenize(s):
    out = []
    pos = 0
    while pos < len(s):
        m = TOK.match(s, pos)
        if not m:
            if s[pos:].strip() == '':
                break
            raise ValueError('bad token at %r' % s[pos:pos+40])
        pos = m.end()
        if m.group(1):
            continue
        if m.group(2):
            out.append(('str', json.loads(m.group(2))))
        elif m.group(3):
            out.append(('str', m.group(3)[1:-1]))
        elif m.group(4):
            out.append(('id', m.group(4)))
        elif m.group(5):
            out.append(('num', m.group(5)))
        elif m.group(6):
            out.append(('p', m.group(6)))
    return out

CONSTS = {
 'core.NodeSelectorOpIn': 'In', 'core.NodeSelectorOpNotIn': 'NotIn', 'core.NodeSelectorOpExists': 'Exists',
 'core.NodeSelectorOpDoesNotExist': 'DoesNotExist', 'core.NodeSelectorOpGt': 'Gt', 'core.NodeSelectorOpLt': 'Lt',
 'metav1.LabelSelectorOpIn': 'In', 'metav1.LabelSelectorOpNotIn': 'NotIn', 'metav1.LabelSelectorOpExists': 'Exists',
 'metav1.LabelSelectorOpDoesNotExist': 'DoesNotExist',
 'core.RestartPolicyAlways': 'Always', 'core.RestartPolicyOnFailure': 'OnFailure', 'core.RestartPolicyNever': 'Never',
 'core.DNSClusterFirst': 'ClusterFirst', 'core.DNSNone': 'None', 'core.DNSDefault': 'Default', 'core.DNSClusterFirstWithHostNet': 'ClusterFirstWithHostNet',
 'core.DoNotSchedule': 'DoNotSchedule', 'core.ScheduleAnyway': 'ScheduleAnyway',
 'core.NodeInclusionPolicyHonor': 'Honor', 'core.NodeInclusionPolicyIgnore': 'Ignore',
 'core.TolerationOpExists': 'Exists', 'core.TolerationOpEqual': 'Equal', 'core.TolerationOpLt': 'Lt', 'core.TolerationOpGt': 'Gt',
 'core.TaintEffectNoSchedule': 'NoSchedule', 'core.TaintEffectNoExecute': 'NoExecute', 'core.TaintEffectPreferNoSchedule': 'PreferNoSchedule',
 'core.PreemptLowerPriority': 'PreemptLowerPriority', 'core.PreemptNever': 'Never',
 'true': True, 'false': False, 'nil': None,
 'core.PullIfNotPresent': 'IfNotPresent', 'core.TerminationMessageReadFile': 'File',
 'v1.LabelTopologyZone': 'topology.kubernetes.io/zone', 'v1.LabelHostname': 'kubernetes.io/hostname',
}
SPECIAL = {'DNSPolicy': 'dnsPolicy', 'DNSConfig': 'dnsConfig', 'IP': 'ip', 'SetHostnameAsFQDN': 'setHostnameAsFQDN',
           'ObjectMeta': 'metadata', 'Spec': 'spec', 'HostIPC': 'hostIPC', 'HostPID': 'hostPID', 'TopologyKey': 'topologyKey'}
INLINE = {'VolumeSource', 'TypeMeta', 'ProbeHandler', 'LocalObjectReference'}

def jname(k):
    if k in SPECIAL:
        return SPECIAL[k]
    return k[0].lower() + k[1:]

class P:
    def __init__(self, toks, vars=None, funcs=None):
        self.t = toks; self.i = 0; self.vars = vars or {}; self.funcs = funcs or {}
    def peek(self, k=0):
        return self.t[self.i + k] if self.i + k < len(self.t) else ('eof', None)
    def take(self, kind=None, val=None):
        tok = self.peek()
        if kind and tok[0] != kind or val is not None and tok[1] != val:
            raise ValueError('expected %s %s got %s at %d: %s' % (kind, val, tok, self.i, self.t[self.i:self.i+8]))
        self.i += 1
        return tok
    def typ(self):
        # skip a type expression: [] T | map[K]V | *T | ident
        tok = self.peek()
        if tok == ('p', '[]'):
            self.take(); self.typ(); return 'list'
        if tok == ('p', '*'):
            self.take(); return self.typ()
        if tok[0] == 'id' and tok[1] == 'map':
            self.take(); self.take('p', '['); self.typ(); self.take('p', ']'); self.typ(); return 'map'
        if tok[0] == 'id':
            self.take(); return tok[1]
        raise ValueError('type at %s' % (tok,))
    def value(self):
        tok = self.peek()
        if tok == ('p', '&'):
            self.take()
            # &[]int64{60}[0]
            v = self.value()
            if self.peek() == ('p', '['):
                self.take(); self.take('num'); self.take('p', ']')
                v = v[0]
            return v
        if tok[0] == 'str':
            self.take(); return tok[1]
        if tok[0] == 'num':
            self.take(); return int(tok[1]) if '.' not in tok[1] else float(tok[1])
        if tok == ('p', '{'):
            return self.composite('?')
        if tok == ('p', '[]') or (tok[0] == 'id' and tok[1] == 'map'):
            t = self.typ(); return self.composite(t)
        if tok[0] == 'id':
            name = tok[1]
            if name in CONSTS:
                self.take(); return CONSTS[name]
            if self.peek(1) == ('p', '(') :
                self.take(); self.take('p', '(')
                args = []
                while self.peek() != ('p', ')'):
                    args.append(self.value())
                    if self.peek() == ('p', ','):
                        self.take()
                self.take('p', ')')
                if name in self.funcs:
                    return self.funcs[name](*args)
                if name.endswith('ptr.To') or name.startswith('utilpointer.') or name.startswith('pointer.') or name.startswith('ptr.'):
                    return args[0]
                if name.startswith('core.') or name.startswith('metav1.'):
                    return args[0]  # type conversion
                raise ValueError('unknown func ' + name)
            if self.peek(1) == ('p', '{'):
                t = self.typ(); return self.composite(t)
            self.take()
            if name in self.vars:
                return self.vars[name]
            raise ValueError('unknown ident ' + name)
        raise ValueError('value at %s' % (tok,))
    def composite(self, t):
        self.take('p', '{')
        items = []
        keyed = None
        while self.peek() != ('p', '}'):
            if (self.peek()[0] in ('id', 'str')) and self.peek(1) == ('p', ':'):
                k = self.take()[1]; self.take('p', ':')
                items.append((k, self.value())); keyed = True
            else:
                items.append((None, self.value())); keyed = keyed or False
            if self.peek() == ('p', ','):
                self.take()
        self.take('p', '}')
        if t == 'map':
            return {k: v for k, v in items}
        if t == 'list' or keyed is False:
            return [v for _, v in items]
        if not items:
            return [] if t == 'list' else {}
        out = {}
        for k, v in items:
            if k in INLINE and isinstance(v, dict):
                out.update(v)
            else:
                out[jname(k)] = v
        return out

def convert(src, vars=None, funcs=None):
    p = P(tokenize(src), vars, funcs)
    return p.value()

if __name__ == '__main__':
    print(json.dumps(convert(sys.stdin.read()), indent=1))
