export function App() {
  return (
    <main>
      <h1>DOST — Hall display</h1>
    </main>
  );
}
