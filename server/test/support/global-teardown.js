export default async function globalTeardown() {
  await globalThis.__gabaritFerretDb?.stop();
}
