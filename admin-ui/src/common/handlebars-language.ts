import { StreamLanguage, type StringStream } from '@codemirror/language';

interface State {
  inMustache: boolean;
}

// Highlights {{…}} expressions, block helpers and comments; the text around them is plain prose.
export const handlebarsLanguage = StreamLanguage.define<State>({
  name: 'handlebars',
  startState: () => ({ inMustache: false }),
  token(stream: StringStream, state: State) {
    if (!state.inMustache) {
      if (stream.match('{{!--')) {
        if (stream.skipTo('--}}')) stream.match('--}}');
        else stream.skipToEnd();
        return 'comment';
      }
      if (stream.match(/^\{\{!/)) {
        if (stream.skipTo('}}')) stream.match('}}');
        else stream.skipToEnd();
        return 'comment';
      }
      if (stream.match(/^\{\{\{?[#/^~]?/)) {
        state.inMustache = true;
        return 'bracket';
      }
      while (!stream.eol() && !stream.match('{{', false)) stream.next();
      return null;
    }
    if (stream.match(/^~?\}\}\}?/)) {
      state.inMustache = false;
      return 'bracket';
    }
    if (stream.eatSpace()) return null;
    if (stream.match(/^"(?:[^"\\]|\\.)*"/) || stream.match(/^'(?:[^'\\]|\\.)*'/)) return 'string';
    if (stream.match(/^-?\d+(\.\d+)?/)) return 'number';
    if (stream.match(/^(else|this|true|false|null)\b/)) return 'keyword';
    if (stream.match(/^[A-Za-z_@][\w.@/-]*(?==)/)) return 'attributeName';
    if (stream.match(/^(\.\.\/)*[A-Za-z_@][\w.@/-]*/)) return 'variableName';
    stream.next();
    return 'operator';
  },
});
